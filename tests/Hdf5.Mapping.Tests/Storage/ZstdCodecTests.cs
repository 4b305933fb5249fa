using System.Runtime.InteropServices;
using System.Text;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Storage;

public sealed class ZstdCodecTests : H5TestBase
{
    // Inputs of the shapes chunks have: empty, tiny, incompressible, constant, smooth doubles, integers, text.
    private static IEnumerable<(string Name, byte[] Bytes)> Inputs()
    {
        var random = new Random(42);
        yield return ("empty", []);
        yield return ("one byte", [7]);
        yield return ("random 1000", RandomBytes(random, 1000));
        yield return ("random 300000", RandomBytes(random, 300_000));
        yield return ("zeros 1 MiB", new byte[1 << 20]);
        var walk = new double[512 * 1024 / 8];
        double v = 0;
        for (int i = 0; i < walk.Length; i++) walk[i] = v += random.NextDouble() - 0.5;
        yield return ("random walk doubles", MemoryMarshal.AsBytes(walk.AsSpan()).ToArray());
        var ints = Enumerable.Range(0, 100_000).Select(i => i * 3 % 1000).ToArray();
        yield return ("ints", MemoryMarshal.AsBytes(ints.AsSpan()).ToArray());
        yield return ("text", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"row {i}: value {i * i % 977}\n"))));
        var wide = new byte[4 << 20];
        for (int i = 0; i < wide.Length; i++) wide[i] = (byte)(i / 4096 + random.Next(4));
        yield return ("4 MiB chunk", wide);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Compress(byte[] input, int level, ZstdImplementation implementation)
    {
        var output = new byte[ZstdFilter.CompressBound(input.Length)];
        return output[..ZstdFilter.CompressInto(input, level, output, implementation)];
    }

    [Fact]
    public void Libzstd_IsLoadedAndUsedByTheFilter()
    {
        Assert.True(ZstdFilter.IsNativeAvailable, "libzstd.so.1 did not load: apt-get install libzstd1");
        Assert.Equal(ZstdImplementation.Native, ZstdFilter.Implementation);
        Assert.True(ZstdFilter.NativeVersion >= new Version(1, 4, 0));
    }

    // Frames are byte-identical only between equal zstd versions (ZstdSharp 0.8.8 ports zstd 1.5.7; Debian 12 ships
    // 1.5.4, whose matchers differ): what every version must share is the frame layout the plugin writes — one frame,
    // content size recorded, no checksum, no dictionary — and, at equal versions, every byte.
    [Fact]
    public void NativeAndManagedCodecs_WriteOneFrameWithTheSameHeaderFields_AndTheSameBytesAtEqualVersions()
    {
        var managedVersion = ZstdSharp.Unsafe.Methods.ZSTD_versionNumber();
        var sameVersion = ZstdFilter.NativeVersion == new Version((int)(managedVersion / 10000), (int)(managedVersion / 100 % 100), (int)(managedVersion % 100));
        foreach (var (name, bytes) in Inputs())
            foreach (var level in new[] { -5, 1, 3, 6, 10, 19 })
            {
                var native = Compress(bytes, level, ZstdImplementation.Native);
                var managed = Compress(bytes, level, ZstdImplementation.Managed);
                var what = $"{name} at level {level}";
                Assert.Equal(FrameHeader(bytes.Length, native), FrameHeader(bytes.Length, managed));
                if (sameVersion) Assert.True(native.AsSpan().SequenceEqual(managed), what);
            }
    }

    // The fields of RFC 8878's frame header descriptor that the plugin's readers rely on, and the recorded size.
    private static (bool Checksum, bool Dictionary, long ContentSize) FrameHeader(int length, byte[] frame)
    {
        Assert.Equal(0xFD2FB528u, BitConverter.ToUInt32(frame, 0));
        var descriptor = frame[4];
        int sizeFlag = descriptor >> 6, dictionaryFlag = descriptor & 3;
        bool singleSegment = (descriptor & 0x20) != 0;
        var sizeBytes = sizeFlag switch { 0 => singleSegment ? 1 : 0, 1 => 2, 2 => 4, _ => 8 };
        var at = 5 + (singleSegment ? 0 : 1) + (dictionaryFlag == 0 ? 0 : 1 << (dictionaryFlag - 1));
        long size = 0;
        for (int i = 0; i < sizeBytes; i++) size |= (long)frame[at + i] << (8 * i);
        if (sizeBytes == 2) size += 256;
        Assert.Equal(length, size);
        return ((descriptor & 4) != 0, dictionaryFlag != 0, size);
    }

    [Fact]
    public void EachCodec_DecodesTheOthersFrames_ToTheOriginalBytes()
    {
        foreach (var (name, bytes) in Inputs())
        {
            var fromNative = Compress(bytes, 5, ZstdImplementation.Native);
            var fromManaged = Compress(bytes, 5, ZstdImplementation.Managed);
            var decoded = new byte[bytes.Length];
            Assert.Equal(bytes.Length, ZstdFilter.DecompressInto(fromManaged, decoded, ZstdImplementation.Native));
            Assert.True(bytes.AsSpan().SequenceEqual(decoded), name);
            Array.Clear(decoded);
            Assert.Equal(bytes.Length, ZstdFilter.DecompressInto(fromNative, decoded, ZstdImplementation.Managed));
            Assert.True(bytes.AsSpan().SequenceEqual(decoded), name);
        }
    }

    [Fact]
    public void CorruptFrame_RaisesInvalidDataNamingLibzstdsReason()
    {
        var frame = Compress(new byte[10_000], 3, ZstdImplementation.Native);
        frame[^2] ^= 0xFF;
        var e = Assert.Throws<InvalidDataException>(() => ZstdFilter.DecompressInto(frame, new byte[10_000], ZstdImplementation.Native));
        Assert.Contains("libzstd failed decompressing", e.Message);
    }

    [Fact]
    public void DatasetChunks_AreTheBytesPythonZstandardWritesForTheSameLevel_AndH5pyDecodesThem()
    {
        var path = Files.NewPath();
        var values = new double[40, 500];
        var random = new Random(3);
        for (int i = 0; i < 40; i++) for (int j = 0; j < 500; j++) values[i, j] = Math.Round(Math.Sin(i + j / 50.0) * 1000 + random.NextDouble(), 2);
        using (var f = H5File.Create(path))
        using (var ds = f.Add("z", values, new H5DatasetOptions { Chunks = [10, 500] }.With(H5Filter.Zstd(7))))
            Assert.Equal(values, ds.Read2D<double>());

        // The plugin's frame is ZSTD_compress's: python zstandard (libzstd) writes it for the raw chunk bytes.
        var json = Peers.PythonJson("""
            import sys, zstandard
            ds = h5py.File(sys.argv[1], 'r')['z']
            same, total = [], 0.0
            for k in range(4):
                mask, raw = ds.id.read_direct_chunk((10 * k, 0))
                plain = zstandard.ZstdDecompressor().decompress(raw)
                same.append(raw == zstandard.ZstdCompressor(level=7).compress(plain) and mask == 0)
                total += float(numpy.frombuffer(plain, dtype='<f8').sum())
            print(json.dumps({'same': same, 'sum': total}))
            """, path);
        Assert.Equal([true, true, true, true], json.GetProperty("same").EnumerateArray().Select(e => e.GetBoolean()));
        Assert.Equal(values.Cast<double>().Sum(), json.GetProperty("sum").GetDouble(), 1e-6);
    }

    [Fact]
    public void ManagedCodecChosenByTheEnvironment_ReadsWhatLibzstdWrote()
    {
        var path = Files.NewPath();
        var values = Enumerable.Range(0, 300).Select(i => i * 7 % 101).ToArray();
        using (var f = H5File.Create(path))
            f.Add("z", values, new H5DatasetOptions { Chunks = [100] }.With(H5Filter.Zstd(3))).Dispose();

        // The codec is chosen once per process: the h5m tool, started with the variable, decodes through ZstdSharp.
        var tool = Path.Combine(AppContext.BaseDirectory, "h5m.dll");
        var (code, stdout, stderr) = Peers.Run("dotnet", ["exec", tool, "dump", path + "/z", "--max-values", "300"],
            new Dictionary<string, string> { [ZstdFilter.ImplementationVariable] = "managed" });
        Assert.True(code == 0, stderr);
        var read = System.Text.Json.JsonDocument.Parse(stdout).RootElement.GetProperty("values").EnumerateArray().Select(e => e.GetInt32());
        Assert.Equal(values, read);
    }
}

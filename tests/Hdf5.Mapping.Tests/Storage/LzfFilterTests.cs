using Hdf5.Mapping.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Hdf5.Mapping.Tests.Storage;

/// <summary>The managed LZF filter against h5py's built-in one: values both ways, the same compressed chunk bytes,
/// h5dump (with Debian's plugin and liblzf preloaded) as a third reader, and the codec's edge cases.</summary>
public sealed class LzfFilterTests(ITestOutputHelper output) : H5TestBase
{
    private const string LibLzf = "/usr/lib/x86_64-linux-gnu/liblzf.so.1";

    // The same datasets on both sides: a ramp (compresses well), a random walk (chunks LZF cannot shrink are stored
    // raw), text bytes, a 2-D int array with partial edge chunks, and shuffle before LZF.
    private const string H5pyWrites = """
        import sys
        rng = numpy.random.default_rng(7)
        walk = numpy.cumsum(rng.normal(size=6000))
        with h5py.File(sys.argv[1], "w") as f:
            f.create_dataset("ramp", data=numpy.arange(20000, dtype="f8"), chunks=(5000,), compression="lzf")
            f.create_dataset("walk", data=walk, chunks=(1000,), compression="lzf")
            f.create_dataset("text", data=numpy.frombuffer(b"the quick brown fox jumps over the lazy dog " * 300, dtype="u1"), chunks=(4096,), compression="lzf")
            f.create_dataset("grid", data=(numpy.arange(130 * 70, dtype="i4") % 97).reshape(130, 70), chunks=(64, 32), compression="lzf")
            f.create_dataset("shuffled", data=numpy.arange(10000, dtype="i8") * 3, chunks=(2500,), shuffle=True, compression="lzf")
            print(json.dumps({"walk": walk.tolist()}))
        """;

    private static double[] Ramp() => Enumerable.Range(0, 20000).Select(i => (double)i).ToArray();
    private static byte[] Text() => System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("the quick brown fox jumps over the lazy dog ", 300)));
    private static int[,] Grid()
    {
        var g = new int[130, 70];
        for (int i = 0; i < 130; i++) for (int j = 0; j < 70; j++) g[i, j] = (i * 70 + j) % 97;
        return g;
    }
    private static long[] Shuffled() => Enumerable.Range(0, 10000).Select(i => i * 3L).ToArray();

    private static H5DatasetOptions Lzf(params long[] chunks) => new H5DatasetOptions { Chunks = chunks }.With(H5Filter.Lzf());

    [Fact]
    public void LzfDatasetsWrittenByH5py_AreReadByUsValueByValue()
    {
        var path = Files.NewPath("h5py-lzf.h5");
        var walk = Peers.PythonJson(H5pyWrites, path).GetProperty("walk").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        using var f = H5File.Open(path);
        using (var d = f.OpenDataset("ramp"))
        {
            Assert.Equal(new H5Filter(H5Filter.LzfId, "lzf", [4u, 261u, 40000u], optional: true), d.Filters.Single());
            Assert.Equal(Ramp(), d.Read<double>());
            Assert.True(d.CompressionRatio > 1.5, $"ratio {d.CompressionRatio}");
        }
        using (var d = f.OpenDataset("walk"))
        {
            Assert.Equal(walk, d.Read<double>());
            Assert.NotEqual(0u, d.ReadRawChunk(0).FilterMask); // stored raw: LZF could not shrink it
        }
        using (var d = f.OpenDataset("text")) Assert.Equal(Text(), d.Read<byte>());
        using (var d = f.OpenDataset("grid")) Assert.Equal(Grid(), d.Read2D<int>());
        using (var d = f.OpenDataset("shuffled")) Assert.Equal(Shuffled(), d.Read<long>());
    }

    [Fact]
    public void LzfDatasetsWrittenByUs_AreReadByH5pyAndH5dump_WithTheSameChunkBytesAsH5pys()
    {
        var theirs = Files.NewPath("h5py-lzf.h5");
        var ours = Files.NewPath("ours-lzf.h5");
        var walk = Peers.PythonJson(H5pyWrites, theirs).GetProperty("walk").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        using (var f = H5File.Create(ours))
        {
            f.Add("ramp", Ramp(), Lzf(5000)).Dispose();
            f.Add("walk", walk, Lzf(1000)).Dispose();
            f.Add("text", Text(), Lzf(4096)).Dispose();
            f.Add("grid", Grid(), Lzf(64, 32)).Dispose();
            f.Add("shuffled", Shuffled(), new H5DatasetOptions { Chunks = [2500] }.With(H5Filter.Shuffle(), H5Filter.Lzf())).Dispose();
        }
        // Every chunk's stored bytes and filter mask, the pipeline, the storage size and the values, as h5py sees them.
        const string describe = """
            import sys, hashlib
            f = h5py.File(sys.argv[1], "r")
            out = {}
            for name in sorted(f):
                d = f[name]
                chunks = []
                for index in numpy.ndindex(*[-(-s // c) for s, c in zip(d.shape, d.chunks)]):
                    mask, raw = d.id.read_direct_chunk(tuple(i * c for i, c in zip(index, d.chunks)))
                    chunks.append([mask, hashlib.sha256(raw).hexdigest()])
                pl = d.id.get_create_plist()
                out[name] = {"chunks": chunks, "filters": [list(pl.get_filter(k)[:3]) for k in range(pl.get_nfilters())],
                             "storage": d.id.get_storage_size(), "sum": float(d[()].astype("f8").sum()), "first": d[()].ravel()[:5].tolist()}
            print(json.dumps(out))
            """;
        var expected = Peers.PythonJson(describe, theirs);
        var actual = Peers.PythonJson(describe, ours);
        foreach (var name in new[] { "ramp", "walk", "text", "grid", "shuffled" })
        {
            Assert.Equal(expected.GetProperty(name).GetRawText(), actual.GetProperty(name).GetRawText());
            var storage = actual.GetProperty(name).GetProperty("storage").GetInt64();
            output.WriteLine($"{name}: {storage} bytes stored, as h5py's");
        }

        // h5dump reads our LZF chunks through Debian's plugin only with liblzf preloaded (the plugin is not linked
        // against it), which is what the filter catalog tells users.
        var without = Peers.Run("/usr/bin/h5dump", ["-d", "grid", ours]);
        Assert.NotEqual(0, without.Code);
        var with = Peers.Run("/usr/bin/h5dump", ["-d", "grid", "-w", "0", ours], new Dictionary<string, string> { ["LD_PRELOAD"] = LibLzf });
        Assert.True(with.Code == 0, with.Stderr);
        var dumped = with.Stdout.Split('\n').Where(l => l.TrimStart().StartsWith('(')).SelectMany(l => l[(l.IndexOf(':') + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Select(int.Parse).ToArray();
        Assert.Equal(Grid().Cast<int>(), dumped);
        Assert.Contains("LD_PRELOAD=liblzf.so.1", H5FilterCatalog.InstallHintOf(H5Filter.LzfId));
        Assert.True(H5FilterCatalog.IsAvailable(H5Filter.LzfId));
    }

    [Fact]
    public void Codec_RoundTripsEdgeCases_AndRefusesWhatDoesNotFit()
    {
        var random = new Random(3);
        var noise = new byte[5000];
        random.NextBytes(noise);
        byte[][] cases =
        [
            [7], [1, 2], [1, 2, 3], [0, 0, 0, 0], new byte[70000], noise,
            Enumerable.Range(0, 100000).Select(i => (byte)(i % 251)).ToArray(), // matches at the largest offsets
            Enumerable.Range(0, 3000).Select(i => (byte)(i / 300)).ToArray(),    // runs longer than one reference
        ];
        foreach (var input in cases)
        {
            var compressed = new byte[input.Length + input.Length / 16 + 64];
            var n = LzfCodec.Compress(input, compressed);
            Assert.True(n > 0, $"length {input.Length}");
            Assert.Equal(input.Length, LzfCodec.DecodedLength(compressed.AsSpan(0, n)));
            var back = new byte[input.Length];
            Assert.Equal(input.Length, LzfCodec.Decompress(compressed.AsSpan(0, n), back));
            Assert.Equal(input, back);
            Assert.Equal(-1, input.Length > 1 ? LzfCodec.Decompress(compressed.AsSpan(0, n), new byte[input.Length - 1]) : -1);
        }
        Assert.Equal(0, LzfCodec.Compress([], new byte[10]));
        Assert.Equal(0, LzfCodec.Compress(noise, new byte[noise.Length])); // incompressible: does not fit, as liblzf says
        Assert.Throws<InvalidDataException>(() => LzfCodec.Decompress([5, 1, 2], new byte[100]));      // literal run past the end
        Assert.Throws<InvalidDataException>(() => LzfCodec.Decompress([0, 9, 0x20, 0x05], new byte[100])); // reference before the start
    }

    [Fact]
    public void CorruptLzfChunk_FailsTheReadWithAnError_AndTheFileStaysUsable()
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path);
        using var d = f.Add("x", Enumerable.Range(0, 200).Select(i => (double)(i % 10)).ToArray(), Lzf(100));
        d.WriteRawChunk([100], [0x1f, 1, 2, 3]); // a literal run of 32 bytes with 3 present
        var e = Assert.ThrowsAny<Exception>(() => d.Read<double>());
        Assert.IsAssignableFrom<IH5Exception>(e);
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (double)(i % 10)), d[..100].Read<double>());
    }

    [Fact]
    public void Codec_CompressesManyInputsToTheBytesLiblzfProduces()
    {
        // Inputs of every length up to 300 and some long ones, mixing runs, repeats at many distances and noise.
        var random = new Random(11);
        var inputs = new List<byte[]>();
        for (int length = 1; length <= 300; length++) inputs.Add(Mixed(random, length));
        foreach (var length in new[] { 4096, 8191, 8192, 8193, 65536, 200_000 }) inputs.Add(Mixed(random, length));
        var file = Files.NewPath("inputs.bin");
        using (var w = new BinaryWriter(File.Create(file)))
            foreach (var input in inputs)
            {
                w.Write(input.Length);
                w.Write(input);
            }
        var theirs = Peers.PythonJson($$"""
            import sys, ctypes, struct, hashlib
            lib = ctypes.CDLL("{{LibLzf}}")
            data = open(sys.argv[1], "rb").read()
            out, pos = [], 0
            while pos < len(data):
                (n,) = struct.unpack_from("<i", data, pos)
                chunk = data[pos + 4:pos + 4 + n]
                pos += 4 + n
                buf = ctypes.create_string_buffer(n + n // 16 + 64)
                size = lib.lzf_compress(chunk, n, buf, len(buf))
                out.append(hashlib.sha256(buf.raw[:size]).hexdigest())
            print(json.dumps(out))
            """, file).EnumerateArray().Select(e => e.GetString()).ToArray();
        var ours = inputs.Select(input =>
        {
            var buffer = new byte[input.Length + input.Length / 16 + 64];
            var n = LzfCodec.Compress(input, buffer);
            return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.AsSpan(0, n)));
        }).ToArray();
        Assert.Equal(theirs, ours);
    }

    private static byte[] Mixed(Random random, int length)
    {
        var bytes = new byte[length];
        int i = 0;
        while (i < length)
        {
            var run = Math.Min(length - i, random.Next(1, 40));
            switch (random.Next(3))
            {
                case 0: Array.Fill(bytes, (byte)random.Next(4), i, run); break;                         // a run
                case 1: for (int k = 0; k < run; k++) bytes[i + k] = (byte)random.Next(256); break;     // noise
                default:                                                                                // a repeat
                    var back = random.Next(1, Math.Max(2, Math.Min(i, 9000)));
                    for (int k = 0; k < run; k++) bytes[i + k] = i - back + k >= 0 ? bytes[i - back + k] : (byte)k;
                    break;
            }
            i += run;
        }
        return bytes;
    }
}

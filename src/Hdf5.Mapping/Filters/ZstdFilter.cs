using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>Which code compresses and decompresses Zstd chunks.</summary>
public enum ZstdImplementation
{
    /// <summary>libzstd (<c>libzstd.so.1</c>), loaded on first use.</summary>
    Native,

    /// <summary>ZstdSharp, a managed port of the reference C library: used when libzstd does not load.</summary>
    Managed,
}

/// <summary>
/// The Zstandard filter (id 32015), registered with <c>H5Zregister</c> at library set-up. It writes exactly what the
/// HDF Group's zstd plugin writes — one zstd frame per chunk with the content size in its header, no checksum,
/// <c>cd_values[0]</c> the level — so h5py with that plugin (or hdf5plugin) reads our files and we read theirs.
/// Chunks go through libzstd when it loads (<see cref="Implementation"/>), through ZstdSharp otherwise; the
/// environment variable <c>HDF5_MAPPING_ZSTD=managed</c> picks the managed codec.
/// </summary>
public static class ZstdFilter
{
    /// <summary>Environment variable that selects the codec: <c>managed</c> for ZstdSharp even when libzstd loads.</summary>
    public const string ImplementationVariable = "HDF5_MAPPING_ZSTD";

    private static int s_registered;
    private const int DefaultLevel = 3;
    private static readonly Lazy<ZstdImplementation> s_implementation = new(Choose);

    /// <summary>The codec the filter uses in this process, chosen once.</summary>
    public static ZstdImplementation Implementation => s_implementation.Value;

    /// <summary>Whether libzstd loaded in this process.</summary>
    public static bool IsNativeAvailable => ZstdNativeCodec.IsAvailable;

    /// <summary>The loaded libzstd's version as <c>major.minor.release</c>, or null when it is absent.</summary>
    public static Version? NativeVersion =>
        ZstdNativeCodec.IsAvailable ? new Version((int)(ZstdNativeCodec.Version / 10000), (int)(ZstdNativeCodec.Version / 100 % 100), (int)(ZstdNativeCodec.Version % 100)) : null;

    private static ZstdImplementation Choose() =>
        string.Equals(Environment.GetEnvironmentVariable(ImplementationVariable), "managed", StringComparison.OrdinalIgnoreCase) || !ZstdNativeCodec.IsAvailable
            ? ZstdImplementation.Managed
            : ZstdImplementation.Native;

    /// <summary>Registers the filter (idempotent); a step of the library's set-up (see <c>H5ManagedFilters</c>).</summary>
    public static unsafe void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) != 0) return;
        // The name is the HDF Group plugin's, so our files carry the same pipeline bytes as the plugin's.
        H5ManagedFilters.Register(H5Filter.ZstdId, "Zstandard compression: http://www.zstd.net\0"u8, &Filter, setLocal: null, "Zstd");
    }

    [UnmanagedCallersOnly]
    private static unsafe nuint Filter(uint flags, nuint cdNelmts, uint* cdValues, nuint nbytes, nuint* bufSize, void** buf)
    {
        byte* output = null;
        try
        {
            var input = new ReadOnlySpan<byte>(*buf, checked((int)nbytes));
            int written;
            if ((flags & H5Z.FlagReverse) != 0)
            {
                written = Decode(input, out output);
                if (output == null) return 0;
            }
            else
            {
                var level = cdNelmts > 0 ? (int)cdValues[0] : DefaultLevel;
                var bound = CompressBound(input.Length);
                output = (byte*)H5Z.AllocateMemory((nuint)bound, false);
                if (output == null) return 0;
                written = CompressInto(input, level, new Span<byte>(output, bound));
            }
            // libhdf5 frees what it gave us only through us: release the input, hand over the output.
            H5.FreeMemory(*buf);
            *buf = output;
            *bufSize = (nuint)written;
            return (nuint)written;
        }
        catch
        {
            if (output != null) H5.FreeMemory(output);
            return 0; // libhdf5 reports "filter returned failure"; an exception must never cross into native code
        }
    }

    // Decodes straight into a buffer libhdf5 will own when the frames record their size; a chunk from a streaming
    // compressor (no size in the header) is decoded as a stream and copied once.
    private static unsafe int Decode(ReadOnlySpan<byte> input, out byte* output)
    {
        var size = DecompressedSize(input);
        if (size >= 0 && size <= int.MaxValue)
        {
            output = (byte*)H5Z.AllocateMemory((nuint)Math.Max(size, 1), false);
            if (output == null) return 0;
            var written = DecompressInto(input, new Span<byte>(output, (int)size));
            if (written != size) throw new InvalidDataException("A Zstd chunk decoded to fewer bytes than its frames record.");
            return written;
        }
        var decoded = Decompress(input);
        output = (byte*)H5Z.AllocateMemory((nuint)Math.Max(decoded.Length, 1), false);
        if (output != null) decoded.CopyTo(new Span<byte>(output, decoded.Length));
        return decoded.Length;
    }

    /// <summary>The largest size one compressed chunk of <paramref name="length"/> bytes can have.</summary>
    public static int CompressBound(int length) => ZstdManagedCodec.CompressBound(length);

    /// <summary>Compresses one chunk into one zstd frame (content size recorded), as the filter does; returns the frame's length.</summary>
    public static int CompressInto(ReadOnlySpan<byte> input, int level, Span<byte> output) =>
        CompressInto(input, level, output, Implementation);

    /// <summary>Compresses one chunk with the given codec; both write the same bytes when their zstd versions agree.</summary>
    public static int CompressInto(ReadOnlySpan<byte> input, int level, Span<byte> output, ZstdImplementation implementation) =>
        Use(implementation) == ZstdImplementation.Native
            ? ZstdNativeCodec.CompressInto(input, level, output)
            : ZstdManagedCodec.CompressInto(input, level, output);

    /// <summary>Decompresses the frames of one chunk whose sizes are recorded into <paramref name="output"/>, as the filter does.</summary>
    public static int DecompressInto(ReadOnlySpan<byte> input, Span<byte> output) =>
        DecompressInto(input, output, Implementation);

    /// <summary>Decompresses one chunk with the given codec.</summary>
    public static int DecompressInto(ReadOnlySpan<byte> input, Span<byte> output, ZstdImplementation implementation) =>
        Use(implementation) == ZstdImplementation.Native
            ? ZstdNativeCodec.DecompressInto(input, output)
            : ZstdManagedCodec.DecompressInto(input, output);

    private static ZstdImplementation Use(ZstdImplementation implementation) =>
        implementation == ZstdImplementation.Native && !ZstdNativeCodec.IsAvailable
            ? throw new DllNotFoundException("libzstd is not available: " + string.Join(", ", H5LibraryResolver.ZstdCandidates) +
                                             " did not load. On Debian/Ubuntu: apt-get install libzstd1.")
            : implementation;

    // The decompressed size over all frames, or -1 when a frame does not record it.
    private static long DecompressedSize(ReadOnlySpan<byte> input) =>
        Implementation == ZstdImplementation.Native ? ZstdNativeCodec.DecompressedSize(input) : ZstdManagedCodec.DecompressedSize(input);

    /// <summary>Decompresses one chunk: a zstd frame (or several), with or without the content size in the header.</summary>
    internal static byte[] Decompress(ReadOnlySpan<byte> input)
    {
        var size = DecompressedSize(input);
        if (size >= 0 && size < int.MaxValue)
        {
            var output = new byte[size];
            var written = DecompressInto(input, output);
            return written == output.Length ? output : output[..written];
        }
        return ZstdManagedCodec.DecompressStream(input);
    }
}

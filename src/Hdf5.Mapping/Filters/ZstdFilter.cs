using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// The Zstandard filter (id 32015) in managed code, registered with <c>H5Zregister</c> at library set-up. It
/// writes exactly what the HDF Group's zstd plugin writes — one zstd frame per chunk, <c>cd_values[0]</c> the
/// level — so h5py with that plugin (or hdf5plugin) reads our files and we read theirs. Compression uses
/// ZstdSharp, a port of the reference C library.
/// </summary>
public static class ZstdFilter
{
    private static int s_registered;
    private const int DefaultLevel = 3;

    /// <summary>Registers the filter (idempotent); a step of the library's set-up (see <c>H5ManagedFilters</c>).</summary>
    public static unsafe void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) != 0) return;
        // Keep the name alive for the process: libhdf5 stores the pointer, not a copy. Datasets store the name in
        // their pipeline: it is the HDF Group plugin's, so our files carry the same bytes as the plugin's.
        var text = "Zstandard compression: http://www.zstd.net\0"u8;
        var name = (byte*)NativeMemory.Alloc((nuint)text.Length);
        text.CopyTo(new Span<byte>(name, text.Length));
        var cls = new H5Z.Class2
        {
            Version = H5Z.ClassTVers,
            Id = H5Filter.ZstdId,
            EncoderPresent = 1,
            DecoderPresent = 1,
            Name = name,
            Filter = &Filter,
        };
        H5Call.Check(H5Z.Register(&cls), "registering the managed Zstd filter");
    }

    // One compressor and decompressor context per thread: creating a context costs more than a small chunk.
    [ThreadStatic] private static ZstdSharp.Compressor? t_compressor;
    [ThreadStatic] private static int t_level;
    [ThreadStatic] private static ZstdSharp.Decompressor? t_decompressor;

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
                var size = ZstdSharp.Decompressor.GetDecompressedSize(input);
                if (size == 0 || size > int.MaxValue)
                {
                    // Content size not in the frame header (streaming compressors): decode as a stream.
                    var decoded = Decompress(input);
                    output = (byte*)H5Z.AllocateMemory((nuint)Math.Max(decoded.Length, 1), false);
                    if (output == null) return 0;
                    decoded.CopyTo(new Span<byte>(output, decoded.Length));
                    written = decoded.Length;
                }
                else
                {
                    // Decode straight into the buffer libhdf5 will own: no intermediate copy.
                    output = (byte*)H5Z.AllocateMemory((nuint)size, false);
                    if (output == null) return 0;
                    written = DecompressInto(input, new Span<byte>(output, (int)size));
                }
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

    /// <summary>The largest size one compressed chunk of <paramref name="length"/> bytes can have.</summary>
    public static int CompressBound(int length) => ZstdSharp.Compressor.GetCompressBound(length);

    /// <summary>Compresses one chunk into one zstd frame (content size recorded), as the filter does; returns the frame's length.</summary>
    public static int CompressInto(ReadOnlySpan<byte> input, int level, Span<byte> output)
    {
        if (t_compressor is null || t_level != level)
        {
            t_compressor?.Dispose();
            t_compressor = new ZstdSharp.Compressor(level);
            t_level = level;
        }
        return t_compressor.Wrap(input, output);
    }

    /// <summary>Decompresses one frame whose content size is known into <paramref name="output"/>, as the filter does.</summary>
    public static int DecompressInto(ReadOnlySpan<byte> input, Span<byte> output)
    {
        t_decompressor ??= new ZstdSharp.Decompressor();
        return t_decompressor.Unwrap(input, output);
    }

    /// <summary>Decompresses one chunk: a zstd frame (or several), with or without the content size in the header.</summary>
    internal static byte[] Decompress(ReadOnlySpan<byte> input)
    {
        using var decompressor = new ZstdSharp.Decompressor();
        var size = ZstdSharp.Decompressor.GetDecompressedSize(input);
        if (size > 0 && size < int.MaxValue)
        {
            var output = new byte[size];
            var written = decompressor.Unwrap(input, output);
            return written == output.Length ? output : output[..written];
        }
        // Content size not recorded (streaming compressors): decode as a stream.
        using var source = new MemoryStream(input.ToArray());
        using var stream = new ZstdSharp.DecompressionStream(source);
        using var result = new MemoryStream();
        stream.CopyTo(result);
        return result.ToArray();
    }
}

namespace Hdf5.Mapping;

/// <summary>The Zstd filter's codec in managed code (ZstdSharp), used when libzstd does not load.</summary>
internal static class ZstdManagedCodec
{
    // One compressor and decompressor context per thread: creating a context costs more than a small chunk.
    [ThreadStatic] private static ZstdSharp.Compressor? t_compressor;
    [ThreadStatic] private static int t_level;
    [ThreadStatic] private static ZstdSharp.Decompressor? t_decompressor;

    public static int CompressBound(int length) => ZstdSharp.Compressor.GetCompressBound(length);

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

    public static int DecompressInto(ReadOnlySpan<byte> input, Span<byte> output)
    {
        t_decompressor ??= new ZstdSharp.Decompressor();
        return t_decompressor.Unwrap(input, output);
    }

    /// <summary>The decompressed size summed over the frames, or -1 when a frame does not record it.</summary>
    public static unsafe long DecompressedSize(ReadOnlySpan<byte> input)
    {
        fixed (byte* src = input)
        {
            var size = ZstdSharp.Unsafe.Methods.ZSTD_findDecompressedSize(src, (nuint)input.Length);
            return size >= ulong.MaxValue - 1 || size > long.MaxValue ? -1 : (long)size;
        }
    }

    /// <summary>Decodes frames that do not record their size (streaming compressors) as a stream.</summary>
    public static byte[] DecompressStream(ReadOnlySpan<byte> input)
    {
        using var source = new MemoryStream(input.ToArray());
        using var stream = new ZstdSharp.DecompressionStream(source);
        using var result = new MemoryStream();
        stream.CopyTo(result);
        return result.ToArray();
    }
}

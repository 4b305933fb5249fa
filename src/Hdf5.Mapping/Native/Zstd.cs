using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Native;

/// <summary>
/// Bindings to the stable one-shot API of <c>zstd.h</c> (libzstd), used by the Zstandard filter when the library
/// loads. Sizes are <c>size_t</c>; a result for which <see cref="IsError"/> is non-zero is an error code.
/// </summary>
public static unsafe partial class Zstd
{
    /// <summary><c>ZSTD_CONTENTSIZE_UNKNOWN</c>: the frame header does not record the decompressed size.</summary>
    public const ulong ContentSizeUnknown = ulong.MaxValue;

    /// <summary><c>ZSTD_CONTENTSIZE_ERROR</c>: not a valid frame.</summary>
    public const ulong ContentSizeError = ulong.MaxValue - 1;

    /// <summary><c>ZSTD_versionNumber</c>: major*10000 + minor*100 + release.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_versionNumber")]
    public static partial uint VersionNumber();

    /// <summary><c>ZSTD_compressBound</c>: the largest frame <paramref name="srcSize"/> bytes can compress to.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_compressBound")]
    public static partial nuint CompressBound(nuint srcSize);

    /// <summary><c>ZSTD_isError</c>.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_isError")]
    public static partial uint IsError(nuint code);

    /// <summary><c>ZSTD_getErrorName</c>: a static string, never freed.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_getErrorName")]
    public static partial byte* GetErrorName(nuint code);

    /// <summary><c>ZSTD_createCCtx</c>.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_createCCtx")]
    public static partial IntPtr CreateCCtx();

    /// <summary><c>ZSTD_freeCCtx</c>.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_freeCCtx")]
    public static partial nuint FreeCCtx(IntPtr cctx);

    /// <summary><c>ZSTD_compressCCtx</c>: one frame, content size recorded, no checksum (what <c>ZSTD_compress</c> writes).</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_compressCCtx")]
    public static partial nuint CompressCCtx(IntPtr cctx, void* dst, nuint dstCapacity, void* src, nuint srcSize, int compressionLevel);

    /// <summary><c>ZSTD_createDCtx</c>.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_createDCtx")]
    public static partial IntPtr CreateDCtx();

    /// <summary><c>ZSTD_freeDCtx</c>.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_freeDCtx")]
    public static partial nuint FreeDCtx(IntPtr dctx);

    /// <summary><c>ZSTD_decompressDCtx</c>: every frame in <paramref name="src"/>, into <paramref name="dst"/>.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_decompressDCtx")]
    public static partial nuint DecompressDCtx(IntPtr dctx, void* dst, nuint dstCapacity, void* src, nuint srcSize);

    /// <summary><c>ZSTD_findDecompressedSize</c>: the sum over all frames, or <see cref="ContentSizeUnknown"/> / <see cref="ContentSizeError"/>.</summary>
    [LibraryImport(Libraries.Zstd, EntryPoint = "ZSTD_findDecompressedSize")]
    public static partial ulong FindDecompressedSize(void* src, nuint srcSize);
}

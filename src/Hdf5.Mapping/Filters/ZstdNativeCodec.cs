using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// The Zstd filter's codec over libzstd: one <c>ZSTD_compressCCtx</c> frame per chunk — the call the HDF Group's
/// plugin makes through <c>ZSTD_compress</c> — and <c>ZSTD_decompressDCtx</c> over every frame of a chunk.
/// libzstd is loaded on first use; <see cref="IsAvailable"/> says whether it was found.
/// </summary>
internal static unsafe class ZstdNativeCodec
{
    private static readonly Lazy<uint> s_version = new(Probe);

    /// <summary>Whether libzstd loaded (and has the calls used here).</summary>
    public static bool IsAvailable => s_version.Value != 0;

    /// <summary>The loaded libzstd's <c>ZSTD_versionNumber</c>, zero when it is absent.</summary>
    public static uint Version => s_version.Value;

    private static uint Probe()
    {
        H5LibraryResolver.Register();
        try
        {
            return Zstd.VersionNumber();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return 0;
        }
    }

    // One context of each kind per thread: creating one costs more than compressing a small chunk. A thread's
    // contexts are freed by their handle's finalizer once the thread has ended.
    [ThreadStatic] private static ContextHandle? t_compressor;
    [ThreadStatic] private static ContextHandle? t_decompressor;

    public static int CompressBound(int length) => checked((int)Zstd.CompressBound((nuint)length));

    public static int CompressInto(ReadOnlySpan<byte> input, int level, Span<byte> output)
    {
        var context = t_compressor ??= ContextHandle.Create(compress: true);
        fixed (byte* src = input)
        fixed (byte* dst = output)
            return Checked(Zstd.CompressCCtx(context.DangerousGetHandle(), dst, (nuint)output.Length, src, (nuint)input.Length, level), "compressing");
    }

    public static int DecompressInto(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var context = t_decompressor ??= ContextHandle.Create(compress: false);
        fixed (byte* src = input)
        fixed (byte* dst = output)
            return Checked(Zstd.DecompressDCtx(context.DangerousGetHandle(), dst, (nuint)output.Length, src, (nuint)input.Length), "decompressing");
    }

    /// <summary>The decompressed size summed over the frames, or -1 when a frame does not record it (or is not a frame).</summary>
    public static long DecompressedSize(ReadOnlySpan<byte> input)
    {
        fixed (byte* src = input)
        {
            var size = Zstd.FindDecompressedSize(src, (nuint)input.Length);
            return size is Zstd.ContentSizeUnknown or Zstd.ContentSizeError || size > long.MaxValue ? -1 : (long)size;
        }
    }

    private static int Checked(nuint result, string what)
    {
        if (Zstd.IsError(result) != 0)
            throw new InvalidDataException($"libzstd failed {what} a chunk: {Marshal.PtrToStringUTF8((IntPtr)Zstd.GetErrorName(result))}.");
        return checked((int)result);
    }

    private sealed class ContextHandle : SafeHandle
    {
        private readonly bool _compress;

        private ContextHandle(bool compress) : base(IntPtr.Zero, ownsHandle: true) => _compress = compress;

        public override bool IsInvalid => handle == IntPtr.Zero;

        public static ContextHandle Create(bool compress)
        {
            var context = new ContextHandle(compress);
            context.SetHandle(compress ? Zstd.CreateCCtx() : Zstd.CreateDCtx());
            if (context.IsInvalid) throw new OutOfMemoryException("libzstd could not allocate a " + (compress ? "compression" : "decompression") + " context.");
            return context;
        }

        protected override bool ReleaseHandle()
        {
            if (_compress) Zstd.FreeCCtx(handle);
            else Zstd.FreeDCtx(handle);
            return true;
        }
    }
}

using System.Buffers;
using System.Runtime.InteropServices;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// Native memory for a large read, outside the garbage-collected heap, exposed as <see cref="Memory"/> and
/// <see cref="Span"/>, and freed by <see cref="Dispose()"/>. With huge pages asked for (the default), the block is
/// aligned to 2 MiB and advised with <c>madvise(MADV_HUGEPAGE)</c> on Linux, so that the first touch of the memory (by
/// <c>H5Dread</c>) takes one page fault per 2 MiB instead of one per 4 KiB: what a read into new memory mostly costs.
/// </summary>
/// <remarks>
/// Nothing is zeroed: the memory holds whatever the reader puts there (<see cref="H5Dataset.ReadNative{T}"/> fills all of
/// it). Spans taken from <see cref="Span"/> must not be used after <see cref="Dispose()"/>; <see cref="Memory"/> checks.
/// Where the kernel does not take the advice (transparent huge pages switched off, another operating system) the
/// memory works the same with ordinary pages; <see cref="HugePages"/> says which.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
public sealed unsafe class H5NativeBuffer<T> : MemoryManager<T> where T : unmanaged
{
    private const nuint HugePageSize = 2 * 1024 * 1024;
    private T* _first;

    private H5NativeBuffer(T* first, int length, bool hugePages)
    {
        _first = first;
        Length = length;
        HugePages = hugePages;
    }

    /// <summary>Allocates <paramref name="length"/> elements of uninitialised native memory.</summary>
    /// <param name="length">The number of elements.</param>
    /// <param name="hugePages">Align to 2 MiB and ask the kernel for transparent huge pages (Linux).</param>
    /// <exception cref="OutOfMemoryException">The memory cannot be allocated.</exception>
    public static H5NativeBuffer<T> Allocate(int length, bool hugePages = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var bytes = (nuint)length * (nuint)sizeof(T);
        if (!hugePages) return new H5NativeBuffer<T>((T*)NativeMemory.AlignedAlloc(Math.Max(bytes, 1), 64), length, false);
        // Whole huge pages: the last one is advised too, and no other allocation shares it.
        var rounded = (Math.Max(bytes, 1) + HugePageSize - 1) / HugePageSize * HugePageSize;
        var block = NativeMemory.AlignedAlloc(rounded, HugePageSize);
        var advised = OperatingSystem.IsLinux() && Libc.Madvise(block, rounded, Libc.MadvHugePage) == 0;
        return new H5NativeBuffer<T>((T*)block, length, advised);
    }

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>Whether the kernel took the huge-page advice for this memory.</summary>
    public bool HugePages { get; }

    /// <summary>Whether <see cref="Dispose()"/> has freed the memory.</summary>
    public bool IsDisposed => _first == null;

    /// <summary>The elements.</summary>
    /// <exception cref="ObjectDisposedException">The memory was freed.</exception>
    public Span<T> Span => GetSpan();

    /// <summary>The elements as memory that can be stored, sliced and awaited across (checked against disposal when used).</summary>
    public new Memory<T> Memory => base.Memory;

    /// <inheritdoc/>
    public override Span<T> GetSpan()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return new Span<T>(_first, Length);
    }

    /// <inheritdoc/>
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, Length);
        return new MemoryHandle(_first + elementIndex);
    }

    /// <inheritdoc/>
    public override void Unpin() { }

    /// <summary>Frees the memory.</summary>
    public void Dispose() => ((IDisposable)this).Dispose();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (_first == null) return;
        NativeMemory.AlignedFree(_first);
        _first = null;
    }
}

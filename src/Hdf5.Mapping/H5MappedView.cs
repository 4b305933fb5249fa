using System.Buffers;
using System.IO.MemoryMappedFiles;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping;

/// <summary>
/// A read-only view of a dataset's elements in place, in the page cache, through a memory mapping of its file: no
/// copy and no allocation however large the dataset (numpy's <c>memmap</c> over the offset h5py reports as
/// <c>ds.id.get_offset()</c>). Only for a contiguous, allocated, unfiltered dataset stored exactly as
/// <typeparamref name="T"/> in memory (byte order included) in a file opened read-only; see
/// <see cref="H5Dataset.MapReadOnly{T}"/>.
/// </summary>
/// <remarks>
/// The view reads the file's current bytes: what another process writes in place shows through it, as in the
/// hyperslab reader's direct path. Spans taken from <see cref="Span"/> must not be used after <see cref="Dispose()"/>
/// (the pages are unmapped); <see cref="Memory"/> checks. Truncating the file while it is mapped is outside what a
/// mapping can survive (the kernel raises SIGBUS on the lost pages), as for any memory-mapped file.
/// </remarks>
public sealed unsafe class H5MappedView<T> : MemoryManager<T> where T : unmanaged
{
    private readonly MemoryMappedFile _mapping;
    private readonly MemoryMappedViewAccessor _accessor;
    private readonly T* _first;
    private readonly long[] _shape;
    private bool _disposed;

    private H5MappedView(MemoryMappedFile mapping, MemoryMappedViewAccessor accessor, T* first, int length, long[] shape)
    {
        _mapping = mapping;
        _accessor = accessor;
        _first = first;
        Length = length;
        _shape = shape;
    }

    internal static H5MappedView<T> Map(H5Dataset dataset)
    {
        using var scope = H5Library.Enter();
        long[] shape;
        using (var space = dataset.FileSpace()) shape = H5Shape.Read(space).Dims;
        var plan = dataset.ReadPlan<T>();
        var reason = "its elements are arrays, which a view cannot expand";
        var storage = (plan.ValuesPerElement == 1 ? H5DirectStorage.TryLocate(dataset, plan.MemoryType, out reason) : null)
            ?? throw new H5MappingNotPossibleException($"Cannot map {dataset.What} as {typeof(T).Name}: {reason}.");
        var count = H5Shape.Product(shape);
        if (count > int.MaxValue)
            throw new H5MappingNotPossibleException($"Cannot map {dataset.What}: its {count} elements exceed what one span can hold ({int.MaxValue}); read it in blocks.");
        var bytes = count * sizeof(T);
        if (bytes > storage.Length)
            throw new H5MappingNotPossibleException($"Cannot map {dataset.What}: its storage holds {storage.Length} bytes, fewer than its {bytes} bytes of elements.");
        var mapping = MemoryMappedFile.CreateFromFile(storage.Descriptor, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        MemoryMappedViewAccessor? accessor = null;
        try
        {
            accessor = mapping.CreateViewAccessor(storage.Offset, Math.Max(bytes, 1), MemoryMappedFileAccess.Read);
            byte* pointer = null;
            accessor.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new H5MappedView<T>(mapping, accessor, (T*)(pointer + accessor.PointerOffset), (int)count, shape);
        }
        catch
        {
            accessor?.Dispose();
            mapping.Dispose();
            throw;
        }
    }

    /// <summary>The dataset's shape; the view is its elements in row-major order.</summary>
    public IReadOnlyList<long> Shape => _shape;

    /// <summary>The number of elements.</summary>
    public int Length { get; }

    /// <summary>The elements, in place.</summary>
    public ReadOnlySpan<T> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return new ReadOnlySpan<T>(_first, Length);
        }
    }

    /// <inheritdoc/>
    public override Span<T> GetSpan()
    {
        // MemoryManager's contract is a writable span; the pages are mapped read-only and a write faults, so the
        // manager is handed out only as ReadOnlyMemory (see Memory).
        ObjectDisposedException.ThrowIf(_disposed, this);
        return new Span<T>(_first, Length);
    }

    /// <summary>The elements as memory that can be stored and sliced (checked against disposal when read).</summary>
    public new ReadOnlyMemory<T> Memory => base.Memory;

    /// <inheritdoc/>
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, Length);
        return new MemoryHandle(_first + elementIndex);
    }

    /// <inheritdoc/>
    public override void Unpin() { }

    /// <summary>Unmaps the view.</summary>
    public void Dispose() => ((IDisposable)this).Dispose();

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (_disposed || !disposing) return;
        _disposed = true;
        _accessor.SafeMemoryMappedViewHandle.ReleasePointer();
        _accessor.Dispose();
        _mapping.Dispose();
    }
}

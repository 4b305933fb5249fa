using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// Reads blocks of one fixed shape from a dataset, again and again at different positions, with nothing allocated
/// per read (h5py has no counterpart: <c>ds[r, c:c+256]</c> builds its selection anew each time). The file and
/// memory dataspaces and the memory type are made once. When the dataset's elements can be read without libhdf5 —
/// contiguous, allocated, unfiltered, stored exactly as <typeparamref name="T"/> in memory, in a file opened
/// read-only through the default (sec2) driver — each read is positional I/O of the block's byte runs
/// (<see cref="IsDirect"/>); otherwise it is <c>H5Sselect_hyperslab</c> + <c>H5Dread</c>, which converts.
/// </summary>
/// <remarks>
/// The reader keeps the file open until it is disposed, and fails with <see cref="ObjectDisposedException"/> once
/// the dataset or the file has been disposed. One reader serves one thread at a time.
/// </remarks>
public sealed class H5HyperslabReader<T> : IDisposable where T : unmanaged
{
    private readonly H5Dataset _dataset;
    private readonly FileId _file;
    private readonly long[] _block;
    private readonly long[] _shape;
    private readonly H5DirectStorage? _direct;
    private readonly DataspaceId? _fileSpace; // cached when the shape cannot change under us (read-only file)
    private readonly DataspaceId _memSpace;
    private bool _disposed;

    internal H5HyperslabReader(H5Dataset dataset, ReadOnlySpan<long> blockShape)
    {
        _dataset = dataset;
        _block = blockShape.ToArray();
        using var scope = H5Library.Enter();
        using (var space = dataset.FileSpace())
            _shape = H5Shape.Read(space).Dims;
        if (_block.Length != _shape.Length)
            throw new ArgumentException($"The block shape {H5Shape.Format(_block)} has rank {_block.Length}; {dataset.What} has shape {H5Shape.Format(_shape)}.", nameof(blockShape));
        for (int i = 0; i < _block.Length; i++)
            if (_block[i] < 1 || _block[i] > _shape[i])
                throw new H5SelectionException($"The block shape {H5Shape.Format(_block)} does not fit in {dataset.What} of shape {H5Shape.Format(_shape)}.");
        BlockLength = checked((int)H5Shape.Product(_block));
        var plan = dataset.ReadPlan<T>();
        if (plan.ValuesPerElement != 1)
            throw new H5TypeMismatchException($"{dataset.What} stores arrays of {plan.ValuesPerElement} values per element: a block reader reads whole elements; use slices, which expand them.");
        _direct = H5DirectStorage.TryLocate(dataset, plan.MemoryType, out var reason);
        FallbackReason = _direct is null ? reason : null;
        if (!FileIsWritableOrSwmr(dataset)) _fileSpace = dataset.FileSpace();
        _memSpace = H5Shape.CreateSpace(_block); // the block's shape, so chunked reads are mapped chunk by chunk (see H5Selection)
        // Hold the file id: a strong close would otherwise close libhdf5's descriptor under a read in flight.
        _file = dataset.File.Id;
        var added = false;
        _file.DangerousAddRef(ref added);
    }

    private static bool FileIsWritableOrSwmr(H5Dataset dataset)
    {
        H5Call.Check(H5F.GetIntent(dataset.File.Id, out var intent), "reading the file's intent");
        return (intent & (H5F.AccRdwr | H5F.AccSwmrRead | H5F.AccSwmrWrite)) != 0;
    }

    /// <summary>The shape of every block read.</summary>
    public IReadOnlyList<long> BlockShape => _block;

    /// <summary>The number of elements in a block: the length each destination must have.</summary>
    public int BlockLength { get; }

    /// <summary>Whether reads bypass libhdf5 and read the elements' bytes from the file directly.</summary>
    public bool IsDirect => _direct is not null;

    /// <summary>Why reads go through libhdf5 (null when <see cref="IsDirect"/>).</summary>
    public string? FallbackReason { get; }

    /// <summary>Reads the block that starts at <paramref name="start"/> into <paramref name="destination"/> (row-major).</summary>
    public void Read(ReadOnlySpan<long> start, Span<T> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_dataset.Id.IsClosed || _file.IsClosed) throw new ObjectDisposedException(_dataset.What, $"{_dataset.What} or its file was disposed: the reader cannot read it.");
        CheckBounds(start, destination.Length);
        if (_direct is not null) ReadDirect(start, MemoryMarshal.AsBytes(destination));
        else ReadThroughLibrary(start, destination);
    }

    private void CheckBounds(ReadOnlySpan<long> start, int length)
    {
        if (length != BlockLength)
            throw new ArgumentException($"The destination holds {length} elements; a block of {H5Shape.Format(_block)} has {BlockLength}.", nameof(start));
        if (start.Length != _block.Length) ThrowOutside(start);
        for (int i = 0; i < start.Length; i++)
            if (start[i] < 0 || start[i] > _shape[i] - _block[i]) ThrowOutside(start);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowOutside(ReadOnlySpan<long> start) =>
        throw new H5SelectionException($"A block of {H5Shape.Format(_block)} at {H5Shape.Format(start)} is outside {_dataset.What} of shape {H5Shape.Format(_shape)}.");

    // The block is a set of runs along the last dimension (merged with the dimensions the block spans fully):
    // each run is one positional read of contiguous bytes.
    private void ReadDirect(ReadOnlySpan<long> start, Span<byte> destination)
    {
        int rank = _block.Length, elementSize = Unsafe.SizeOf<T>();
        int inner = rank - 1;
        long run = _block[inner];
        while (inner > 0 && _block[inner] == _shape[inner]) run *= _block[--inner];
        Span<long> index = stackalloc long[rank];
        long runBytes = run * elementSize;
        for (long written = 0; written < destination.Length; written += runBytes)
        {
            long element = 0;
            for (int d = 0; d < rank; d++) element = element * _shape[d] + start[d] + index[d];
            _direct!.Read(element * elementSize, destination.Slice((int)written, (int)runBytes));
            for (int d = inner - 1; d >= 0 && ++index[d] == _block[d]; d--) index[d] = 0; // odometer over the outer dimensions
        }
    }

    private unsafe void ReadThroughLibrary(ReadOnlySpan<long> start, Span<T> destination)
    {
        int rank = _block.Length;
        ulong* from = stackalloc ulong[rank];
        ulong* count = stackalloc ulong[rank];
        for (int i = 0; i < rank; i++) { from[i] = (ulong)start[i]; count[i] = (ulong)_block[i]; }
        using var scope = H5Library.Enter();
        var fileSpace = _fileSpace ?? _dataset.FileSpace();
        try
        {
            H5Call.Check(H5S.SelectHyperslab(fileSpace, H5S.SelOper.Set, from, null, count, null), "selecting a block");
            _dataset.ReadSelected(ref MemoryMarshal.GetReference(destination), destination.Length, _memSpace, fileSpace);
        }
        finally
        {
            if (_fileSpace is null) fileSpace.Dispose();
        }
    }

    /// <summary>Releases the dataspaces and lets the file close.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        using var scope = H5Library.Enter();
        _fileSpace?.Dispose();
        _memSpace.Dispose();
        _file.DangerousRelease();
    }
}

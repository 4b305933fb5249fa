using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Appending rows along the first dimension of chunked datasets. h5py has no append: its users resize, then assign
// (ds.resize((n + k, ...)); ds[n:] = rows); here that is one call, and one H5Dset_extent and one H5Dwrite per append.
public sealed partial class H5Dataset
{
    // Whether the layout and the file were found to allow growth (chunked, rank 1 or more, file writable); checked on
    // the first append only, so later appends cost one H5Dget_space, one H5Dset_extent and one H5Dwrite.
    private bool _growable;

    // Reading the extent and setting the grown one must not interleave between threads appending to this object.
    private readonly object _appendLock = new();

    /// <summary>
    /// Appends whole rows along the first dimension (h5py: <c>ds.resize((n + k,) + ds.shape[1:]); ds[n:] = rows</c>).
    /// <paramref name="rows"/> is row-major: for a dataset of shape (n, a, b) its length must be a multiple of a·b.
    /// The extent grows by one <c>H5Dset_extent</c> and the rows go in one <c>H5Dwrite</c> straight from your memory.
    /// Appending nothing changes nothing. For many small appends use <see cref="CreateAppender{T}"/>, which writes whole chunks.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dataset is not chunked, or is scalar: it cannot grow.</exception>
    /// <exception cref="H5SelectionException">The length is not a whole number of rows, or the first dimension would
    /// exceed its maximum.</exception>
    /// <exception cref="H5TypeMismatchException"><typeparamref name="T"/> cannot be written to the stored type.</exception>
    public void Append<T>(ReadOnlySpan<T> rows) where T : unmanaged =>
        AppendRows(in MemoryMarshal.GetReference(rows), rows.Length, rowShape: null);

    /// <summary>Appends whole rows from a 1-D array (see <see cref="Append{T}(ReadOnlySpan{T})"/>).</summary>
    public void Append<T>(T[] rows) where T : unmanaged => Append((ReadOnlySpan<T>)rows);

    /// <summary>Appends the rows of a 2-D array to a 2-D dataset; the array's second dimension must equal the dataset's.</summary>
    public void Append<T>(T[,] rows) where T : unmanaged => AppendArray<T>(rows);

    /// <summary>Appends the rows of a 3-D array to a 3-D dataset; the array's other dimensions must equal the dataset's.</summary>
    public void Append<T>(T[,,] rows) where T : unmanaged => AppendArray<T>(rows);

    /// <summary>Appends the rows of an array of the dataset's rank (its first dimension is the number of rows; the
    /// others must equal the dataset's).</summary>
    public void AppendArray<T>(Array rows) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(rows);
        CheckElementType<T>(rows);
        var shape = H5Shape.Of(rows);
        AppendRows(in ArrayRef<T>(rows), rows.LongLength, shape);
    }

    /// <summary>Appends strings to a 1-D string dataset (variable or fixed length, as <see cref="WriteStrings"/> writes them).</summary>
    public void AppendStrings(ReadOnlySpan<string> values)
    {
        using var scope = H5Library.Enter();
        var fileType = _io.FileType;
        if (H5T.GetClass(fileType) != H5T.Class.String)
            throw new H5TypeMismatchException($"{What} stores {H5TypeMap.Describe(fileType)}; strings cannot be appended to it.");
        lock (_appendLock)
        {
            using var grown = Grow(values.Length, rowShape: null);
            if (grown.Rows == 0) return;
            try
            {
                _io.WriteStrings(values, grown.MemorySpace, grown.FileSpace);
            }
            catch
            {
                grown.Undo();
                throw;
            }
        }
    }

    /// <summary>A buffered appender for many small appends: it collects rows and writes them a whole number of chunks
    /// at a time (the first write tops up a partly filled last chunk). Dispose it, or call
    /// <see cref="H5Appender{T}.Flush"/>, to write what it holds.</summary>
    /// <param name="bufferRows">Rows held before a write; 0 picks the chunk's first dimension, grown to at least 64 KiB
    /// of data. Rounded up to a whole number of chunks.</param>
    public H5Appender<T> CreateAppender<T>(long bufferRows = 0) where T : unmanaged => new(this, bufferRows);

    /// <summary>Checks that <typeparamref name="T"/> rows can be appended; returns the shape and chunk shape.</summary>
    internal (long[] Shape, long[] Chunks) CheckAppendable<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        _io.Plan<T>(writing: true);
        var (dims, _) = AppendableExtent();
        return (dims, Chunks!);
    }

    private void AppendRows<T>(ref readonly T first, long elements, long[]? rowShape) where T : unmanaged
    {
        using var scope = H5Library.Enter();
        _io.Plan<T>(writing: true); // refused before the extent changes
        lock (_appendLock)
        {
            using var grown = Grow(elements, rowShape);
            if (grown.Rows == 0) return;
            try
            {
                _io.Write(in first, elements, grown.MemorySpace, grown.FileSpace);
            }
            catch
            {
                grown.Undo(); // a failed append leaves the dataset as it was
                throw;
            }
        }
    }

    /// <summary>Extends the first dimension for <paramref name="elements"/> elements of whole rows and selects the new
    /// rows; <paramref name="rowShape"/> is the shape of an array being appended (rows first), or null for flat data.</summary>
    private unsafe GrownRows Grow(long elements, long[]? rowShape)
    {
        var (dims, max) = AppendableExtent();
        var rowSize = H5Shape.Product(dims.AsSpan(1));
        long rows;
        if (rowShape is not null)
        {
            if (rowShape.Length != dims.Length || !rowShape.AsSpan(1).SequenceEqual(dims.AsSpan(1)))
                throw new H5SelectionException($"Cannot append an array of shape {H5Shape.Format(rowShape)} to {What} of shape {H5Shape.Format(dims)}: " +
                    $"rows must have shape {H5Shape.Format(dims.AsSpan(1))}.");
            rows = rowShape[0];
        }
        else
        {
            if (elements != 0 && (rowSize == 0 || elements % rowSize != 0))
                throw new H5SelectionException($"Cannot append {elements} elements to {What} of shape {H5Shape.Format(dims)}: " +
                    $"a row holds {rowSize} elements (shape {H5Shape.Format(dims.AsSpan(1))}), so the data must be a whole number of rows.");
            rows = elements == 0 ? 0 : elements / rowSize;
        }
        if (rows == 0) return new GrownRows(this, dims, null, null, 0);
        var length = checked(dims[0] + rows);
        if (max[0] != Unlimited && length > max[0])
            throw new H5SelectionException($"Cannot append {rows} rows to {What}: it holds {dims[0]} and its maximum shape {H5Shape.Format(max)} " +
                $"allows {max[0]}. Create it with MaxShape = [H5Dataset.Unlimited, ...] (h5py: maxshape=(None, ...)) to let it grow.");

        var grownDims = (long[])dims.Clone();
        grownDims[0] = length;
        var native = H5Shape.ToNative(grownDims, "shape");
        File.Journal?.BeforeDataChange(this, growOnly: true);
        fixed (ulong* p = native) H5Call.Check(H5D.SetExtent(Id, p), $"Appending {rows} rows to {What}", Path);
        DataspaceId? fileSpace = null;
        try
        {
            fileSpace = FileSpace();
            var start = new ulong[dims.Length];
            var count = H5Shape.ToNative(dims, "shape");
            start[0] = (ulong)dims[0];
            count[0] = (ulong)rows;
            fixed (ulong* ps = start)
            fixed (ulong* pc = count)
                H5Call.Check(H5S.SelectHyperslab(fileSpace, H5S.SelOper.Set, ps, null, pc, null), $"selecting the appended rows of {What}");
            // The memory space has the rows' shape, so libhdf5 maps them onto the chunks block by block (see H5Selection).
            var rowsShape = dims.ToArray();
            rowsShape[0] = rows;
            var memorySpace = H5Shape.CreateSpace(rowsShape);
            return new GrownRows(this, dims, fileSpace, memorySpace, rows);
        }
        catch
        {
            fileSpace?.Dispose();
            new GrownRows(this, dims, null, null, rows).Undo();
            throw;
        }
    }

    private (long[] Dims, long[] Max) AppendableExtent()
    {
        using var space = FileSpace();
        var (dims, max) = H5Shape.Read(space);
        if (dims.Length == 0)
            throw new InvalidOperationException($"Cannot append to {What}: it is scalar, and only datasets of rank 1 or more grow along their first dimension.");
        if (!_growable)
        {
            var layout = Layout;
            if (layout != H5Layout.Chunked)
                throw new InvalidOperationException($"Cannot append to {What}: its layout is {layout}, and only chunked datasets can grow. " +
                    "Create it with MaxShape = [H5Dataset.Unlimited, ...] (h5py: maxshape=(None, ...)), which makes it chunked.");
            // libhdf5 1.10 refuses H5Dset_extent on a read-only file without saying why: say it here.
            if (!File.IsWritable) throw new H5ReadOnlyFileException($"Cannot append to {What}: '{File.Filename}' was opened read-only.");
            _growable = true;
        }
        return (dims, max);
    }

    /// <summary>The rows an append added: their selection in the file, the matching memory dataspace, and how to take
    /// them back if the write fails.</summary>
    private sealed class GrownRows(H5Dataset owner, long[] before, DataspaceId? fileSpace, DataspaceId? memorySpace, long rows) : IDisposable
    {
        public long Rows => rows;
        public DataspaceId FileSpace => fileSpace!;
        public DataspaceId MemorySpace => memorySpace!;

        public unsafe void Undo()
        {
            var native = H5Shape.ToNative(before, "shape");
            fixed (ulong* p = native)
                if (H5D.SetExtent(owner.Id, p) < 0) H5ErrorStack.Capture(); // the write's failure is the one to report
        }

        public void Dispose()
        {
            fileSpace?.Dispose();
            memorySpace?.Dispose();
        }
    }
}

namespace Hdf5.Mapping;

/// <summary>
/// A typed, lazy view of a dataset: nothing is read until you index it, so it suits data too large to load at
/// once. <c>view[10..12, 500..510]</c> reads a <c>T[,]</c>; an index instead of a range drops that dimension.
/// The source generator maps lazy dataset properties to this type.
/// </summary>
/// <typeparam name="T">The element type the data is read and written as.</typeparam>
public sealed class H5Dataset<T> : IDisposable, ILazyMember where T : unmanaged
{
    private readonly H5Dataset _dataset;
    private string? _closedBecause;

    /// <summary>Wraps an open dataset (the view takes ownership of it).</summary>
    public H5Dataset(H5Dataset dataset) => _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));

    /// <summary>The untyped dataset.</summary>
    /// <exception cref="ObjectDisposedException">The view was closed with its file; the message says how to keep it open.</exception>
    public H5Dataset Dataset => _closedBecause is null ? _dataset : throw new ObjectDisposedException(nameof(H5Dataset<T>), _closedBecause);

    void ILazyMember.Close(string reason)
    {
        _closedBecause ??= $"The lazy dataset member '{TryName()}' is closed: {reason}.";
        _dataset.Dispose();
    }

    private string TryName()
    {
        try
        {
            return _dataset.Name;
        }
        catch (Exception e) when (e is ObjectDisposedException or H5Exception)
        {
            return "?";
        }
    }

    /// <summary>The current shape.</summary>
    public long[] Shape => Dataset.Shape;

    /// <summary>The number of elements.</summary>
    public long Size => Dataset.Size;

    /// <summary>A 1-D range.</summary>
    public T[] this[Range r]
    {
        get => Dataset[r].Read<T>();
        set => Dataset[r].Write<T>(value);
    }

    /// <summary>One element of a 1-D dataset.</summary>
    public T this[long i]
    {
        get => Dataset[i].ReadScalar<T>();
        set => Dataset[i].WriteScalar(value);
    }

    /// <summary>One element of a 2-D dataset.</summary>
    public T this[long i0, long i1]
    {
        get => Dataset[i0, i1].ReadScalar<T>();
        set => Dataset[i0, i1].WriteScalar(value);
    }

    /// <summary>A 2-D block.</summary>
    public T[,] this[Range r0, Range r1]
    {
        get => Dataset[r0, r1].Read2D<T>();
        set => Dataset[r0, r1].WriteArray<T>(value);
    }

    /// <summary>Part of a row.</summary>
    public T[] this[long i0, Range r1]
    {
        get => Dataset[i0, r1].Read<T>();
        set => Dataset[i0, r1].Write<T>(value);
    }

    /// <summary>Part of a column.</summary>
    public T[] this[Range r0, long i1]
    {
        get => Dataset[r0, i1].Read<T>();
        set => Dataset[r0, i1].Write<T>(value);
    }

    /// <summary>A 3-D block.</summary>
    public T[,,] this[Range r0, Range r1, Range r2]
    {
        get => Dataset[r0, r1, r2].Read3D<T>();
        set => Dataset[r0, r1, r2].WriteArray<T>(value);
    }

    /// <summary>Any selection (steps, higher ranks): read it with the returned slice.</summary>
    public H5DatasetSlice Select(params H5Selector[] selection) => Dataset[selection];

    /// <summary>Reads every element, row-major.</summary>
    public T[] ReadAll() => Dataset.Read<T>();

    /// <summary>Writes every element, row-major.</summary>
    public void WriteAll(ReadOnlySpan<T> data) => Dataset.Write(data);

    /// <summary>Appends whole rows along the first dimension (see <see cref="H5Dataset.Append{T}(ReadOnlySpan{T})"/>); a
    /// mapped lazy member of a writable view (<c>Open(path, writable: true)</c>) grows in the file at once.</summary>
    public void Append(ReadOnlySpan<T> rows) => Dataset.Append(rows);

    /// <summary>Appends the rows of an array of the dataset's rank (see <see cref="H5Dataset.AppendArray{T}(Array)"/>).</summary>
    public void AppendArray(Array rows) => Dataset.AppendArray<T>(rows);

    /// <summary>Re-reads the extent a SWMR writer has flushed (<c>H5Drefresh</c>; h5py: <c>ds.refresh()</c>).</summary>
    public void Refresh() => Dataset.Refresh();

    /// <summary>Writes the dataset's cached data and metadata to the file (<c>H5Dflush</c>; h5py: <c>ds.flush()</c>).</summary>
    public void Flush() => Dataset.Flush();

    /// <summary>Yields the rows a SWMR writer appends, as they are flushed (see <see cref="H5Dataset.FollowAsync{T}"/>).</summary>
    public IAsyncEnumerable<H5AppendedRows<T>> FollowAsync(TimeSpan? period = null, long startRow = 0, CancellationToken cancellationToken = default) =>
        Dataset.FollowAsync<T>(period, startRow, cancellationToken);

    /// <summary>Closes the dataset.</summary>
    public void Dispose() => _dataset.Dispose();
}

using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping;

// Objects made once for many reads of one dataset.
public sealed partial class H5Dataset
{
    /// <summary>How <typeparamref name="T"/> values are read from this dataset (checked once, owned by the dataset).</summary>
    internal H5TransferPlan ReadPlan<T>() where T : unmanaged => _io.Plan<T>(writing: false);

    /// <summary>Reads <paramref name="count"/> values through libhdf5 between the given dataspaces (conversion checked).</summary>
    internal void ReadSelected<T>(ref T destination, long count, DataspaceId memSpace, DataspaceId fileSpace) where T : unmanaged =>
        _io.Read(ref destination, count, memSpace, fileSpace);

    /// <summary>
    /// A reader of blocks of <paramref name="blockShape"/> elements at any position, for many small reads
    /// (random 1 × 256 rows, tiles): nothing is allocated per read, and contiguous unconverted data of a read-only
    /// file are read from the file directly. Dispose it when done (it keeps the file open).
    /// </summary>
    /// <example><code>
    /// using var rows = ds.CreateReader&lt;double&gt;(1, 256);
    /// rows.Read([row, column], buffer);   // h5py: ds[row, column:column + 256]
    /// </code></example>
    public H5HyperslabReader<T> CreateReader<T>(params long[] blockShape) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(blockShape);
        return new H5HyperslabReader<T>(this, blockShape);
    }

    /// <summary>
    /// Maps the dataset's elements read-only, in place (numpy: <c>np.memmap(path, dtype, 'r', offset=ds.id.get_offset(),
    /// shape=ds.shape)</c>): <c>view.Span</c> is every element with no copy. Dispose the view to unmap it.
    /// Raises <see cref="H5MappingNotPossibleException"/>, saying why, unless the dataset is contiguous, allocated
    /// and unfiltered, stored exactly as <typeparamref name="T"/> (byte order included), in a file opened read-only.
    /// </summary>
    public H5MappedView<T> MapReadOnly<T>() where T : unmanaged => H5MappedView<T>.Map(this);
}

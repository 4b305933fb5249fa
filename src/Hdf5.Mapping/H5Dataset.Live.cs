using System.Runtime.CompilerServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Datasets that grow while they are read: flushing on the writer's side, refreshing and following on the reader's
// side of a single-writer/multiple-reader (SWMR) file.
public sealed partial class H5Dataset
{
    // At most this many elements are read into one batch of a follow, so a reader that falls far behind catches up
    // in bounded steps instead of one huge allocation.
    private const long FollowBatchElements = 1 << 20;

    /// <summary>Writes this dataset's cached data and metadata to the file (<c>H5Dflush</c>; h5py: <c>ds.flush()</c>).
    /// In SWMR write mode this is what makes appended rows visible to readers that refresh.</summary>
    public void Flush()
    {
        using var scope = H5Library.Enter();
        H5Call.Check(H5D.Flush(Id), $"flushing {What}");
    }

    /// <summary>Re-reads the dataset's metadata from the file (<c>H5Drefresh</c>; h5py: <c>ds.refresh()</c>), so a SWMR
    /// reader sees the extent and data the writer has flushed since. <see cref="Shape"/> tells the new extent.</summary>
    public void Refresh()
    {
        using var scope = H5Library.Enter();
        H5Call.Check(H5D.Refresh(Id), $"refreshing {What}");
    }

    /// <summary>
    /// Follows a dataset another process is appending to (open the file with <see cref="H5FileOptions.Swmr"/>): every
    /// <paramref name="period"/> it refreshes the dataset and yields the rows added since the last batch, and only
    /// those, in order. It ends when <paramref name="cancellationToken"/> is cancelled (with
    /// <see cref="OperationCanceledException"/>, as enumerations in .NET do), or with an exception when the dataset
    /// shrinks below rows already yielded.
    /// </summary>
    /// <param name="period">Time between refreshes when nothing new arrived (default 100 ms).</param>
    /// <param name="startRow">The first row to yield (0: everything; <c>Shape[0]</c>: only rows added from now on).</param>
    /// <param name="cancellationToken">Stops the enumeration.</param>
    public async IAsyncEnumerable<H5AppendedRows<T>> FollowAsync<T>(TimeSpan? period = null, long startRow = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default) where T : unmanaged
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startRow);
        var wait = period ?? TimeSpan.FromMilliseconds(100);
        var next = startRow;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (length, rowShape) = RefreshedRows();
            if (length < next)
                throw new InvalidOperationException($"{What} shrank to {length} rows while being followed; {next} rows were already read.");
            if (length == next)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var rowsPerBatch = Math.Max(1, FollowBatchElements / Math.Max(1, H5Shape.Product(rowShape)));
            while (next < length)
            {
                var count = Math.Min(length - next, rowsPerBatch);
                var values = this[H5Selector.Slice(next, next + count)].Read<T>();
                yield return new H5AppendedRows<T>(next, count, rowShape, values);
                next += count;
            }
        }
    }

    private (long Rows, long[] RowShape) RefreshedRows()
    {
        Refresh();
        var shape = Shape;
        if (shape.Length == 0) throw new InvalidOperationException($"Cannot follow {What}: it is scalar and has no rows.");
        return (shape[0], shape[1..]);
    }
}

/// <summary>Rows a followed dataset gained (see <see cref="H5Dataset.FollowAsync{T}"/>).</summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="Start">The index of the first of these rows in the dataset.</param>
/// <param name="Count">How many rows.</param>
/// <param name="RowShape">The shape of one row (empty for a 1-D dataset, whose rows are single elements).</param>
/// <param name="Values">The rows' elements, row-major: <c>Count</c> times the row size.</param>
public sealed record H5AppendedRows<T>(long Start, long Count, long[] RowShape, T[] Values) where T : unmanaged;

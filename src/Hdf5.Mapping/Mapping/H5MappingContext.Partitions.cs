using System.Runtime.InteropServices;
using Hdf5.Mapping.Mpi;

namespace Hdf5.Mapping;

// Partitioned datasets ([H5Dataset(Partitioned = true)]): in a file opened by the ranks of a communicator each rank
// holds its own rows along the first dimension. Writing gathers every rank's row count (their order is the rank
// order), creates the dataset of all rows collectively and writes each rank's rows in one collective transfer; reading
// gives each rank an even block of the rows. In a file opened by one process the member holds every row, as any dataset.
public sealed partial class H5MappingContext
{
    /// <summary>Writes the array of a partitioned dataset: in a parallel file this rank's rows along the first dimension
    /// (see <see cref="PartitionOf"/>), elsewhere the whole array as <see cref="WriteDataset{T}(H5Group, string, string, Array, H5DatasetOptions?)"/>.</summary>
    /// <exception cref="H5MappingException">The ranks' arrays differ in rank or in a dimension other than the first (every
    /// rank raises it, before any rank creates the dataset).</exception>
    public H5Dataset WritePartitioned<T>(H5Group group, string name, string path, Array data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(data);
        if (group.File.Communicator is not { } communicator || UpdatesInPlace) return WriteDataset<T>(group, name, path, data, options);
        H5Dataset.CheckElementType<T>(data);
        Track<T>(data, path);
        var shape = H5Shape.Of(data);
        var rows = AgreeOnRows(communicator, shape, path);
        var dataset = group.CreateDataset<T>(name, [rows.Total, .. shape.AsSpan(1)], options);
        try
        {
            dataset.Transfer = H5Transfer.Collective;
            dataset[RowSelection(rows, shape.Length)].WriteArray<T>(data);
            return dataset;
        }
        catch
        {
            dataset.Dispose();
            throw;
        }
    }

    /// <summary>Writes the list of a partitioned 1-D dataset (see <see cref="WritePartitioned{T}(H5Group, string, string, Array, H5DatasetOptions?)"/>).</summary>
    public H5Dataset WritePartitioned<T>(H5Group group, string name, string path, List<T> data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(data);
        if (group.File.Communicator is not { } communicator || UpdatesInPlace) return WriteDataset<T>(group, name, path, data, options);
        Track<T>(data, path);
        var rows = AgreeOnRows(communicator, [data.Count], path);
        var dataset = group.CreateDataset<T>(name, [rows.Total], options);
        try
        {
            dataset.Transfer = H5Transfer.Collective;
            dataset[rows.Rows].Write<T>(CollectionsMarshal.AsSpan(data));
            return dataset;
        }
        catch
        {
            dataset.Dispose();
            throw;
        }
    }

    /// <summary>The rows of <paramref name="dataset"/> this process reads as a partitioned member: in a file opened by the
    /// ranks of a communicator an even block (<see cref="H5RowPartition.Even(long, H5Communicator)"/>), otherwise every row.</summary>
    public static H5RowPartition PartitionOf(H5Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var shape = dataset.Shape;
        var total = shape.Length == 0 ? 0 : shape[0];
        return dataset.File.Communicator is { } communicator ? H5RowPartition.Even(total, communicator) : new H5RowPartition(0, total, total);
    }

    /// <summary>The shape of this process's block of a partitioned dataset of <paramref name="rank"/> dimensions: its
    /// rows (<see cref="PartitionOf"/>) by the dataset's other dimensions.</summary>
    /// <exception cref="H5MappingException">The dataset has another rank.</exception>
    public static long[] PartitionShape(H5Dataset dataset, int rank, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var shape = CheckRank(dataset.Shape, rank, path);
        return [PartitionOf(dataset).Count, .. shape.AsSpan(1)];
    }

    /// <summary>Reads this process's block of a partitioned dataset into <paramref name="destination"/> (of
    /// <see cref="PartitionShape"/>); in a parallel file every rank reads its rows in one collective transfer.</summary>
    public static void ReadPartition<T>(H5Dataset dataset, Array destination) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(destination);
        if (dataset.File.Communicator is null)
        {
            dataset.ReadInto<T>(destination);
            return;
        }
        dataset.Transfer = H5Transfer.Collective;
        dataset[RowSelection(PartitionOf(dataset), destination.Rank)].ReadInto<T>(destination);
    }

    // Every rank's rows in rank order; the other dimensions must be the same on every rank. Each check is made on
    // gathered values, so every rank reaches the same verdict and none is left waiting in a collective call.
    private static H5RowPartition AgreeOnRows(H5Communicator communicator, long[] shape, string path)
    {
        var ranks = communicator.AllGather(shape.Length);
        if (ranks.Any(r => r != ranks[0]))
            throw new H5MappingException(path, $"the ranks hold arrays of different ranks ({string.Join(", ", ranks)} dimensions, in rank order): a partitioned dataset holds each rank's rows of one array");
        for (int d = 1; d < shape.Length; d++)
        {
            var lengths = communicator.AllGather(shape[d]);
            if (lengths.Any(n => n != lengths[0]))
                throw new H5MappingException(path, $"dimension {d} differs between ranks ({string.Join(", ", lengths)}, in rank order): ranks partition the rows (dimension 0), and every other dimension must be the same on all of them");
        }
        return H5RowPartition.Gather(shape.Length == 0 ? 0 : shape[0], communicator);
    }

    private static H5Selector[] RowSelection(H5RowPartition rows, int rank)
    {
        var selection = new H5Selector[rank];
        selection[0] = rows.Rows;
        for (int d = 1; d < rank; d++) selection[d] = H5Selector.All;
        return selection;
    }
}

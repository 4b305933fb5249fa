namespace Hdf5.Mapping.Mpi;

/// <summary>
/// The rows along the first dimension that one rank holds of a dataset split over a communicator: rows
/// [<see cref="Start"/>, <see cref="End"/>) of <see cref="Total"/>. Select them with <c>ds[p.Rows, ..]</c>.
/// </summary>
/// <param name="Start">The first row of this rank.</param>
/// <param name="Count">How many rows this rank holds (0 or more).</param>
/// <param name="Total">The rows of all ranks together.</param>
public readonly record struct H5RowPartition(long Start, long Count, long Total)
{
    /// <summary>One past the last row of this rank.</summary>
    public long End => Start + Count;

    /// <summary>The rows as a selector along the first dimension (<c>ds[p.Rows, ..]</c>).</summary>
    public H5Selector Rows => H5Selector.Slice(Start, End);

    /// <summary>Contiguous blocks as even as can be: rank r of n holds rows [⌊r·total/n⌋, ⌊(r+1)·total/n⌋) (the first
    /// ranks get one fewer when the rows do not divide evenly). No communication.</summary>
    public static H5RowPartition Even(long total, H5Communicator communicator)
    {
        ArgumentNullException.ThrowIfNull(communicator);
        return Even(total, communicator.Rank, communicator.Size);
    }

    /// <summary>The block of rank <paramref name="rank"/> of <paramref name="size"/> (see <see cref="Even(long, H5Communicator)"/>).</summary>
    public static H5RowPartition Even(long total, int rank, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (rank < 0 || rank >= size) throw new ArgumentOutOfRangeException(nameof(rank), rank, $"A rank of a communicator of {size} is 0 to {size - 1}.");
        long start = (long)((Int128)total * rank / size), end = (long)((Int128)total * (rank + 1) / size);
        return new H5RowPartition(start, end - start, total);
    }

    /// <summary>The partition where every rank holds <paramref name="count"/> rows, in rank order (collective:
    /// <c>MPI_Allgather</c> of the counts, then prefix sums).</summary>
    public static H5RowPartition Gather(long count, H5Communicator communicator)
    {
        ArgumentNullException.ThrowIfNull(communicator);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var counts = communicator.AllGather(count);
        long start = 0, total = 0;
        for (int r = 0; r < counts.Length; r++)
        {
            if (r == communicator.Rank) start = total;
            total = checked(total + counts[r]);
        }
        return new H5RowPartition(start, count, total);
    }

    /// <inheritdoc/>
    public override string ToString() => $"rows [{Start}, {End}) of {Total}";
}

using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping;

/// <summary>
/// Grows the in-memory value of a mapped member with the rows a SWMR writer appended to its dataset: the dataset is
/// refreshed (<c>H5Drefresh</c>), and only the new rows are read, straight into the tail of the grown array. What the
/// generated <c>RefreshFrom</c> of a mapped type calls for each member whose first dimension is unlimited.
/// If the writer shrank the dataset or changed the shape of its rows, the member is read again whole.
/// </summary>
public static class H5LiveMembers
{
    /// <summary>The grown array, or null when the dataset has no new rows.</summary>
    public static T[]? Grow<T>(H5Dataset dataset, T[] current) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(current);
        var shape = GrownShape(dataset, current);
        if (shape is null) return null;
        var grown = GC.AllocateUninitializedArray<T>(checked((int)shape[0]));
        Fill<T>(dataset, current, grown);
        return grown;
    }

    /// <summary>The grown 2-D array, or null when the dataset has no new rows.</summary>
    public static T[,]? Grow<T>(H5Dataset dataset, T[,] current) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(current);
        var shape = GrownShape(dataset, current);
        if (shape is null) return null;
        var grown = new T[shape[0], shape[1]];
        Fill<T>(dataset, current, grown);
        return grown;
    }

    /// <summary>The grown 3-D array, or null when the dataset has no new rows.</summary>
    public static T[,,]? Grow<T>(H5Dataset dataset, T[,,] current) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(current);
        var shape = GrownShape(dataset, current);
        if (shape is null) return null;
        var grown = new T[shape[0], shape[1], shape[2]];
        Fill<T>(dataset, current, grown);
        return grown;
    }

    /// <summary>Adds the new rows to <paramref name="current"/> in place; false when there were none.</summary>
    public static bool Grow<T>(H5Dataset dataset, List<T> current) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(current);
        dataset.Refresh();
        var length = checked((int)RequireRank(dataset, 1)[0]);
        if (length == current.Count) return false;
        var start = length < current.Count ? 0 : current.Count;
        CollectionsMarshal.SetCount(current, length);
        var tail = CollectionsMarshal.AsSpan(current)[start..];
        dataset[H5Selector.Slice(start, length)].Read(tail);
        return true;
    }

    /// <summary>Refreshes the dataset and returns its new shape when it differs from <paramref name="current"/>'s, or null
    /// when nothing changed (for arrays of rank 4 and more, which generated code allocates itself before <see cref="Fill{T}"/>).</summary>
    public static long[]? GrownShape(H5Dataset dataset, Array current)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(current);
        dataset.Refresh();
        var shape = RequireRank(dataset, current.Rank);
        return shape.AsSpan().SequenceEqual(H5Shape.Of(current)) ? null : shape;
    }

    /// <summary>Fills <paramref name="grown"/>, of the dataset's current shape: the rows of <paramref name="current"/> are
    /// copied in memory and only the rows after them are read, when the rows kept their shape; otherwise all is read.</summary>
    public static void Fill<T>(H5Dataset dataset, Array current, Array grown) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(grown);
        var before = H5Shape.Of(current);
        var after = H5Shape.Of(grown);
        if (before.Length != after.Length || after[0] < before[0] || !before.AsSpan(1).SequenceEqual(after.AsSpan(1)))
        {
            dataset.ReadInto<T>(grown);
            return;
        }
        var kept = Flat<T>(current);
        var all = Flat<T>(grown);
        kept.CopyTo(all);
        dataset[H5Selector.Slice(before[0], after[0])].Read(all[kept.Length..]);
    }

    private static Span<T> Flat<T>(Array array) where T : unmanaged
    {
        H5Dataset.CheckElementType<T>(array);
        return MemoryMarshal.CreateSpan(ref H5Dataset.ArrayRef<T>(array), checked((int)array.LongLength));
    }

    private static long[] RequireRank(H5Dataset dataset, int rank)
    {
        var shape = dataset.Shape;
        if (shape.Length != rank)
            throw new H5TypeMismatchException($"{dataset.What} has rank {shape.Length} (shape {H5Shape.Format(shape)}); the mapped member has rank {rank}.");
        return shape;
    }
}

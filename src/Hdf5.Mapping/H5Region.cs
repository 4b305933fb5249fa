using System.Text;

namespace Hdf5.Mapping;

/// <summary>
/// A selection of a dataset as a value: a union of rectangular blocks, or a list of points. It is what a region
/// reference means once it is read, independent of any open file, so mapped types can hold regions as plain data
/// (<c>[H5Dataset(RegionOf = nameof(Data))] H5Region[] Regions</c>) and compare them with <c>==</c>.
/// </summary>
/// <remarks>A strided hyperslab (h5py's <c>ds.regionref[0:10:2]</c>) is stored by HDF5 as its blocks; reading it
/// back gives those blocks, which select exactly the same elements.</remarks>
public sealed class H5Region : IEquatable<H5Region>
{
    private readonly long[][] _starts;
    private readonly long[][] _counts;
    private readonly long[,]? _points;

    private H5Region(long[][] starts, long[][] counts, long[,]? points)
    {
        _starts = starts;
        _counts = counts;
        _points = points;
    }

    /// <summary>One block: <paramref name="count"/> elements from <paramref name="start"/> in each dimension.</summary>
    public static H5Region Block(long[] start, long[] count) => Blocks([(start, count)]);

    /// <summary>The union of blocks, each a (start, count) pair of the dataset's rank.</summary>
    public static H5Region Blocks(IEnumerable<(long[] Start, long[] Count)> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var list = blocks.ToList();
        if (list.Count == 0) throw new ArgumentException("A region needs at least one block.", nameof(blocks));
        var rank = list[0].Start.Length;
        foreach (var (start, count) in list)
        {
            if (start.Length != rank || count.Length != rank)
                throw new ArgumentException($"Every block needs {rank} starts and {rank} counts.", nameof(blocks));
            for (int d = 0; d < rank; d++)
                if (start[d] < 0 || count[d] <= 0)
                    throw new ArgumentOutOfRangeException(nameof(blocks), $"Block starts must be >= 0 and counts > 0 (dimension {d}: start {start[d]}, count {count[d]}).");
        }
        return new H5Region(list.Select(b => (long[])b.Start.Clone()).ToArray(), list.Select(b => (long[])b.Count.Clone()).ToArray(), null);
    }

    /// <summary>A point selection: one row of coordinates per point, in the order they are read.</summary>
    public static H5Region Points(long[,] coordinates)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        if (coordinates.GetLength(0) == 0) throw new ArgumentException("A region needs at least one point.", nameof(coordinates));
        return new H5Region([], [], (long[,])coordinates.Clone());
    }

    /// <summary>True for a point selection, false for blocks.</summary>
    public bool IsPoints => _points is not null;

    /// <summary>The rank of the dataset this region selects from.</summary>
    public int Rank => _points?.GetLength(1) ?? _starts[0].Length;

    /// <summary>The blocks (empty for a point selection).</summary>
    public IReadOnlyList<(long[] Start, long[] Count)> BlockList =>
        _starts.Select((s, i) => ((long[])s.Clone(), (long[])_counts[i].Clone())).ToArray();

    /// <summary>The points, one row per point (null for blocks).</summary>
    public long[,]? PointList => (long[,]?)_points?.Clone();

    /// <summary>The number of elements selected (blocks are assumed not to overlap, as HDF5 merges them).</summary>
    public long ElementCount => _points is not null ? _points.GetLength(0)
        : _counts.Sum(c => c.Aggregate(1L, (a, b) => a * b));

    /// <summary>Whether the region selects the same elements in the same form.</summary>
    public bool Equals(H5Region? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (IsPoints != other.IsPoints || Rank != other.Rank) return false;
        if (_points is not null)
            return _points.GetLength(0) == other._points!.GetLength(0) && _points.Cast<long>().SequenceEqual(other._points.Cast<long>());
        // Blocks compare as sets: HDF5 may return them in another order than they were given.
        var mine = Normalized();
        var theirs = other.Normalized();
        return mine.SequenceEqual(theirs);
    }

    private IEnumerable<string> Normalized() =>
        _starts.Select((s, i) => string.Join(",", s) + ":" + string.Join(",", _counts[i])).Order(StringComparer.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as H5Region);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsPoints, Rank, ElementCount);

    /// <summary>Equality of regions.</summary>
    public static bool operator ==(H5Region? a, H5Region? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Inequality of regions.</summary>
    public static bool operator !=(H5Region? a, H5Region? b) => !(a == b);

    /// <summary>h5py-like text: blocks as slices (<c>[0:10, 512:567]</c>), points as coordinate lists.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (_points is not null)
        {
            sb.Append("points[");
            for (int i = 0; i < _points.GetLength(0); i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append('(').Append(string.Join(", ", Enumerable.Range(0, Rank).Select(d => _points[i, d]))).Append(')');
            }
            return sb.Append(']').ToString();
        }
        for (int b = 0; b < _starts.Length; b++)
        {
            if (b > 0) sb.Append(" | ");
            sb.Append('[').Append(string.Join(", ", _starts[b].Select((s, d) => $"{s}:{s + _counts[b][d]}"))).Append(']');
        }
        return sb.ToString();
    }
}

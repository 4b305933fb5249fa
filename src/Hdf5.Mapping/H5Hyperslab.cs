using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// A regular hyperslab, as <c>H5Sselect_hyperslab</c> takes it: per dimension the first element, the stride between
/// blocks, the number of blocks and the block size. A count of <see cref="Unlimited"/> repeats the blocks without end
/// (<c>H5S_UNLIMITED</c>, h5py: <c>h5s.UNLIMITED</c>), for virtual datasets that grow with their sources.
/// </summary>
public sealed class H5Hyperslab : IEquatable<H5Hyperslab>
{
    /// <summary>A count without end (<c>H5S_UNLIMITED</c>).</summary>
    public const long Unlimited = -1;

    /// <summary>Creates a hyperslab; <paramref name="stride"/> and <paramref name="block"/> default to 1 in every dimension.</summary>
    public H5Hyperslab(long[] start, long[] count, long[]? stride = null, long[]? block = null)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(count);
        var rank = start.Length;
        stride ??= Ones(rank);
        block ??= Ones(rank);
        if (count.Length != rank || stride.Length != rank || block.Length != rank)
            throw new ArgumentException($"start, count, stride and block must have one value per dimension (rank {rank}).");
        for (int i = 0; i < rank; i++)
        {
            if (start[i] < 0) throw new ArgumentOutOfRangeException(nameof(start), $"start[{i}] is {start[i]}; it cannot be negative.");
            if (count[i] < 0 && count[i] != Unlimited) throw new ArgumentOutOfRangeException(nameof(count), $"count[{i}] is {count[i]}: use a positive count or H5Hyperslab.Unlimited.");
            if (stride[i] < 1) throw new ArgumentOutOfRangeException(nameof(stride), $"stride[{i}] is {stride[i]}; it must be 1 or more.");
            if (block[i] < 1) throw new ArgumentOutOfRangeException(nameof(block), $"block[{i}] is {block[i]}; it must be 1 or more.");
        }
        Start = (long[])start.Clone();
        Count = (long[])count.Clone();
        Stride = (long[])stride.Clone();
        Block = (long[])block.Clone();
    }

    /// <summary>The first element per dimension.</summary>
    public IReadOnlyList<long> Start { get; }

    /// <summary>The number of blocks per dimension (<see cref="Unlimited"/> for no end).</summary>
    public IReadOnlyList<long> Count { get; }

    /// <summary>The distance between the starts of consecutive blocks.</summary>
    public IReadOnlyList<long> Stride { get; }

    /// <summary>The block size per dimension.</summary>
    public IReadOnlyList<long> Block { get; }

    /// <summary>The rank.</summary>
    public int Rank => Start.Count;

    /// <summary>Whether some dimension has an unlimited count.</summary>
    public bool IsUnlimited => Count.Contains(Unlimited);

    /// <summary>The number of elements selected (null when unlimited).</summary>
    public long? ElementCount
    {
        get
        {
            if (IsUnlimited) return null;
            long n = 1;
            for (int i = 0; i < Rank; i++) n = checked(n * Count[i] * Block[i]);
            return n;
        }
    }

    /// <summary>The hyperslab h5py's <c>[...]</c> indexing selects on a dataspace of <paramref name="shape"/>: a slice
    /// <c>a:b:s</c> gives start a, stride s, count ⌈(b−a)/s⌉ and block 1; an index gives count 1.</summary>
    public static H5Hyperslab FromSelectors(ReadOnlySpan<long> shape, ReadOnlySpan<H5Selector> selectors)
    {
        if (selectors.Length > shape.Length)
            throw new H5SelectionException($"{selectors.Length} indices given for a dataspace of rank {shape.Length} (shape {H5Shape.Format(shape)}).");
        var rank = shape.Length;
        var start = new long[rank];
        var count = new long[rank];
        var stride = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            var sel = i < selectors.Length ? selectors[i] : H5Selector.All;
            (start[i], count[i], stride[i]) = sel.Resolve(shape[i], i);
        }
        return new H5Hyperslab(start, count, stride);
    }

    /// <summary>Selects this hyperslab on <paramref name="space"/> (replacing its selection).</summary>
    internal unsafe void SelectOn(DataspaceId space)
    {
        var start = new ulong[Rank];
        var stride = new ulong[Rank];
        var count = new ulong[Rank];
        var block = new ulong[Rank];
        for (int i = 0; i < Rank; i++)
        {
            start[i] = (ulong)Start[i];
            stride[i] = (ulong)Stride[i];
            count[i] = Count[i] == Unlimited ? H5S.Unlimited : (ulong)Count[i];
            block[i] = (ulong)Block[i];
        }
        fixed (ulong* ps = start)
        fixed (ulong* pst = stride)
        fixed (ulong* pc = count)
        fixed (ulong* pb = block)
            H5Call.Check(H5S.SelectHyperslab(space, H5S.SelOper.Set, ps, pst, pc, pb), $"selecting the hyperslab {this}");
    }

    /// <summary>The selection of <paramref name="space"/>: null when everything is selected, the hyperslab when it is
    /// a regular one; anything else (points, unions of hyperslabs) is reported as unsupported rather than approximated.</summary>
    internal static unsafe H5Hyperslab? ReadSelection(DataspaceId space, string what)
    {
        var type = H5S.GetSelectType(space);
        if (type == H5S.SelType.All) return null;
        if (type != H5S.SelType.Hyperslabs || !H5Call.CheckBool(H5S.IsRegularHyperslab(space), $"inspecting the selection of {what}"))
            throw new H5Exception($"The selection of {what} is {(type == H5S.SelType.Hyperslabs ? "an irregular hyperslab" : type.ToString().ToLowerInvariant())}: only regular hyperslabs and whole dataspaces can be described.");
        var rank = H5Call.Check(H5S.GetSimpleExtentNdims(space), $"reading the rank of {what}");
        var start = new ulong[rank];
        var stride = new ulong[rank];
        var count = new ulong[rank];
        var block = new ulong[rank];
        fixed (ulong* ps = start)
        fixed (ulong* pst = stride)
        fixed (ulong* pc = count)
        fixed (ulong* pb = block)
            H5Call.Check(H5S.GetRegularHyperslab(space, ps, pst, pc, pb), $"reading the hyperslab of {what}");
        static long Signed(ulong v) => v == H5S.Unlimited ? Unlimited : checked((long)v);
        return new H5Hyperslab(start.Select(Signed).ToArray(), count.Select(Signed).ToArray(),
            stride.Select(Signed).ToArray(), block.Select(Signed).ToArray());
    }

    private static long[] Ones(int rank)
    {
        var a = new long[rank];
        Array.Fill(a, 1L);
        return a;
    }

    /// <inheritdoc/>
    public bool Equals(H5Hyperslab? other) => other is not null && Start.SequenceEqual(other.Start) && Count.SequenceEqual(other.Count)
        && Stride.SequenceEqual(other.Stride) && Block.SequenceEqual(other.Block);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as H5Hyperslab);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rank, Start.Count > 0 ? Start[0] : 0, Count.Count > 0 ? Count[0] : 0);

    /// <summary>As h5dump prints it: <c>start (0,0) stride (1,2) count (4,UNLIMITED) block (1,1)</c>.</summary>
    public override string ToString()
    {
        static string F(IReadOnlyList<long> v) => "(" + string.Join(",", v.Select(x => x == Unlimited ? "UNLIMITED" : x.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
        return $"start {F(Start)} stride {F(Stride)} count {F(Count)} block {F(Block)}";
    }
}

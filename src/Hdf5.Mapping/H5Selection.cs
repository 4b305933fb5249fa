using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// A resolved hyperslab over a dataspace: what libhdf5 needs (start, stride, count per dimension) and the
/// shape of the result (dimensions selected by an index are dropped, as in numpy).
/// </summary>
internal sealed class H5Selection
{
    private readonly ulong[] _start, _stride, _count;

    private H5Selection(ulong[] start, ulong[] stride, ulong[] count, long[] shape, long size)
    {
        _start = start;
        _stride = stride;
        _count = count;
        Shape = shape;
        Size = size;
    }

    /// <summary>The shape of the selected data (without the dropped dimensions).</summary>
    public long[] Shape { get; }

    /// <summary>The number of selected elements.</summary>
    public long Size { get; }

    /// <summary>
    /// A memory dataspace for the selected elements, in their order: the selection's count per dimension, at the file's
    /// rank. libhdf5 maps a selection of a chunked dataset onto memory chunk by chunk only when both sides have the same
    /// shape; against a flat memory space it walks the selection element by element, ten times slower and more.
    /// </summary>
    public DataspaceId CreateMemorySpace()
    {
        if (_count.Length == 0 || Size == 0) return H5Shape.CreateSpace([Size]);
        var shape = new long[_count.Length];
        for (int i = 0; i < shape.Length; i++) shape[i] = (long)_count[i];
        return H5Shape.CreateSpace(shape);
    }

    /// <summary>Resolves <paramref name="selectors"/> against <paramref name="dims"/>; <paramref name="what"/> names the
    /// dataset in errors ("dataset '/g/ints'").</summary>
    public static H5Selection Create(ReadOnlySpan<long> dims, ReadOnlySpan<H5Selector> selectors, string what)
    {
        if (selectors.Length > dims.Length)
            throw new H5SelectionException($"{selectors.Length} indices given for {what} of rank {dims.Length} (shape {H5Shape.Format(dims)}).");
        var rank = dims.Length;
        var start = new ulong[rank];
        var stride = new ulong[rank];
        var count = new ulong[rank];
        var shape = new List<long>(rank);
        long size = 1;
        for (int i = 0; i < rank; i++)
        {
            var sel = i < selectors.Length ? selectors[i] : H5Selector.All;
            var (s, c, st) = sel.Resolve(dims[i], i, what);
            start[i] = (ulong)s;
            stride[i] = (ulong)st;
            count[i] = (ulong)c;
            size *= c;
            if (!sel.IsIndex) shape.Add(c);
        }
        return new H5Selection(start, stride, count, shape.ToArray(), size);
    }

    /// <summary>Selects the hyperslab on <paramref name="space"/>, a dataspace the caller just obtained and owns
    /// (no copy of the dataspace on the hot path of slice reads and writes).</summary>
    public unsafe void SelectOn(DataspaceId space)
    {
        if (_start.Length == 0) return;
        if (Size == 0)
        {
            H5Call.Check(H5S.SelectNone(space));
            return;
        }
        fixed (ulong* ps = _start)
        fixed (ulong* pst = _stride)
        fixed (ulong* pc = _count)
            H5Call.Check(H5S.SelectHyperslab(space, H5S.SelOper.Set, ps, pst, pc, null), "selecting a hyperslab");
    }

    public override string ToString()
    {
        var parts = new string[_start.Length];
        for (int i = 0; i < parts.Length; i++)
            parts[i] = _stride[i] == 1 ? $"{_start[i]}:{_start[i] + _count[i]}" : $"{_start[i]}:{_start[i] + _count[i] * _stride[i]}:{_stride[i]}";
        return "[" + string.Join(", ", parts) + "]";
    }
}

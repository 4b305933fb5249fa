using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// Splits a dataset's extent into blocks for transfers that report progress: each block a hyperslab of whole chunks
/// (of whole rows for a contiguous dataset), grown from the last dimension toward the first up to about
/// <see cref="TargetBytes"/> of memory. Chunk-aligned blocks never read or write a chunk twice, so a filtered dataset
/// decompresses and compresses each chunk once, as a single transfer would. Blocks come in row-major order.
/// </summary>
internal sealed class H5Blocks
{
    /// <summary>About this many bytes per block: large enough that the per-call cost of libhdf5 disappears (well under
    /// 1% at memory speed), small enough for a few updates a second on a slow filesystem.</summary>
    public const long TargetBytes = 8L << 20;

    private readonly long[] _shape;

    public H5Blocks(long[] shape, long[]? chunks, long elementBytes, long targetBytes = TargetBytes)
    {
        _shape = shape;
        Shape = Plan(shape, chunks, Math.Max(1, elementBytes), Math.Max(1, targetBytes));
        Count = 1;
        for (int i = 0; i < shape.Length; i++) Count *= shape[i] == 0 ? 0 : (shape[i] + Shape[i] - 1) / Shape[i];
    }

    /// <summary>The shape of a full block (blocks at the upper edges are clipped to the extent).</summary>
    public long[] Shape { get; }

    /// <summary>How many blocks cover the extent (0 for an empty one).</summary>
    public long Count { get; }

    private static long[] Plan(long[] shape, long[]? chunks, long elementBytes, long targetBytes)
    {
        var rank = shape.Length;
        var block = new long[rank];
        for (int i = 0; i < rank; i++)
            block[i] = Math.Max(1, Math.Min(chunks is { Length: > 0 } ? chunks[i] : 1, shape[i]));
        for (int i = rank - 1; i >= 0; i--)
        {
            var others = elementBytes;
            for (int j = 0; j < rank; j++) if (j != i) others = Saturating(others, block[j]);
            var unit = block[i];
            var units = Math.Max(1, targetBytes / Saturating(others, unit));
            block[i] = Math.Min(Math.Max(1, shape[i]), Saturating(units, unit));
            if (block[i] < shape[i]) break; // an outer dimension can only grow once this one spans the extent
        }
        return block;
    }

    private static long Saturating(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    /// <summary>The start and count of every block, row-major. The arrays are reused between blocks.</summary>
    public IEnumerable<(ulong[] Start, ulong[] Count, long Elements)> Enumerate()
    {
        if (Count == 0) yield break;
        var rank = _shape.Length;
        var index = new long[rank];
        var start = new ulong[rank];
        var count = new ulong[rank];
        while (true)
        {
            long elements = 1;
            for (int i = 0; i < rank; i++)
            {
                var s = index[i] * Shape[i];
                start[i] = (ulong)s;
                count[i] = (ulong)Math.Min(Shape[i], _shape[i] - s);
                elements *= (long)count[i];
            }
            yield return (start, count, elements);
            var d = rank - 1;
            while (d >= 0 && ++index[d] * Shape[d] >= _shape[d]) index[d--] = 0;
            if (d < 0) yield break;
        }
    }

    /// <summary>Selects one block on <paramref name="space"/> (replacing its selection).</summary>
    public static unsafe void Select(DataspaceId space, ulong[] start, ulong[] count)
    {
        fixed (ulong* s = start)
        fixed (ulong* c = count)
            H5Call.Check(H5S.SelectHyperslab(space, H5S.SelOper.Set, s, null, c, null), "selecting a block");
    }
}

namespace Hdf5.Mapping;

/// <summary>
/// Variable-length sequences held in one flat array: sequence <c>i</c> is <c>Values[Offsets[i]..Offsets[i + 1]]</c>
/// (the layout of Arrow's list arrays and awkward-array's offsets). Reads fill it with one copy per sequence and no
/// allocation per sequence; writes hand libhdf5 pointers into the pinned <see cref="Values"/> without copying them.
/// h5py reads the dataset as its <c>vlen_dtype</c> array of arrays.
/// </summary>
/// <typeparam name="T">The element type of the sequences.</typeparam>
public sealed class H5Ragged<T> where T : unmanaged
{
    /// <summary>Wraps values and offsets (<c>Offsets[0] == 0</c>, non-decreasing, last one <c>Values.Length</c>).</summary>
    public H5Ragged(T[] values, long[] offsets)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(offsets);
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != values.Length)
            throw new ArgumentException($"Offsets must start at 0 and end at the number of values ({values.Length}).", nameof(offsets));
        for (int i = 1; i < offsets.Length; i++)
            if (offsets[i] < offsets[i - 1]) throw new ArgumentException($"Offset {i} ({offsets[i]}) is smaller than offset {i - 1} ({offsets[i - 1]}).", nameof(offsets));
        Values = values;
        Offsets = offsets;
    }

    /// <summary>Gathers <paramref name="sequences"/> into one flat array.</summary>
    public static H5Ragged<T> From(IReadOnlyList<T[]> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        var offsets = new long[sequences.Count + 1];
        for (int i = 0; i < sequences.Count; i++) offsets[i + 1] = offsets[i] + (sequences[i]?.Length ?? 0);
        var values = new T[checked((int)offsets[^1])];
        for (int i = 0; i < sequences.Count; i++) sequences[i]?.CopyTo(values, offsets[i]);
        return new H5Ragged<T>(values, offsets);
    }

    /// <summary>All elements of all sequences, one after another.</summary>
    public T[] Values { get; }

    /// <summary>Where each sequence starts in <see cref="Values"/>, and, last, where the last one ends.</summary>
    public long[] Offsets { get; }

    /// <summary>The number of sequences.</summary>
    public int Count => Offsets.Length - 1;

    /// <summary>Sequence <paramref name="index"/>, without a copy.</summary>
    public ReadOnlySpan<T> this[int index] => Values.AsSpan((int)Offsets[index], (int)(Offsets[index + 1] - Offsets[index]));

    /// <summary>The sequences as separate arrays (h5py's array of arrays).</summary>
    public T[][] ToArrays()
    {
        var result = new T[Count][];
        for (int i = 0; i < Count; i++) result[i] = this[i].ToArray();
        return result;
    }
}

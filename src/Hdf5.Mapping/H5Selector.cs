namespace Hdf5.Mapping;

/// <summary>
/// One entry of a selection, as in h5py's <c>dset[...]</c>: an index (drops the dimension), a range or slice
/// with an optional step (keeps it), or everything. Converts implicitly from <see cref="int"/>, <see cref="long"/>,
/// <see cref="Index"/> and <see cref="Range"/>, so <c>ds[10..12, 500..510]</c> and <c>ds[5, ..]</c> read as in h5py.
/// Slices clamp to the extent like Python slices; an index outside the extent is an error.
/// </summary>
public readonly struct H5Selector
{
    private H5Selector(bool isIndex, long start, bool startFromEnd, long? stop, bool stopFromEnd, long step)
    {
        IsIndex = isIndex;
        Start = start;
        StartFromEnd = startFromEnd;
        Stop = stop;
        StopFromEnd = stopFromEnd;
        Step = step;
    }

    /// <summary>True for a single index (the dimension is dropped from the result).</summary>
    public bool IsIndex { get; }

    /// <summary>Start (or the index), counted from the end when <see cref="StartFromEnd"/>.</summary>
    public long Start { get; }

    /// <summary>Whether <see cref="Start"/> counts from the end (<c>^n</c>).</summary>
    public bool StartFromEnd { get; }

    /// <summary>Exclusive stop; null means the end of the dimension.</summary>
    public long? Stop { get; }

    /// <summary>Whether <see cref="Stop"/> counts from the end.</summary>
    public bool StopFromEnd { get; }

    /// <summary>Step (1 or more).</summary>
    public long Step { get; }

    /// <summary>Everything along a dimension (<c>:</c> in h5py).</summary>
    public static H5Selector All => new(false, 0, false, null, false, 1);

    /// <summary>A single index; negative values count from the end as in Python.</summary>
    public static H5Selector At(long index) => index < 0 ? new(true, -index, true, null, false, 1) : new(true, index, false, null, false, 1);

    /// <summary><c>start:stop:step</c> (stop exclusive, null for the end).</summary>
    public static H5Selector Slice(long start, long? stop, long step = 1)
    {
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, "The step of a slice must be 1 or more (HDF5 cannot select backwards).");
        return new(false, Math.Abs(start), start < 0, stop is null ? null : Math.Abs(stop.Value), stop < 0, step);
    }

    /// <summary>A range with a step: <c>H5Selector.Slice(0..100, 2)</c>.</summary>
    public static H5Selector Slice(Range range, long step)
    {
        if (step < 1) throw new ArgumentOutOfRangeException(nameof(step), step, "The step of a slice must be 1 or more (HDF5 cannot select backwards).");
        return new(false, range.Start.Value, range.Start.IsFromEnd, range.End.IsFromEnd && range.End.Value == 0 ? null : range.End.Value, range.End.IsFromEnd, step);
    }

    /// <summary>An index.</summary>
    public static implicit operator H5Selector(int index) => At(index);

    /// <summary>An index.</summary>
    public static implicit operator H5Selector(long index) => At(index);

    /// <summary>An index, possibly from the end (<c>^1</c> is the last).</summary>
    public static implicit operator H5Selector(Index index) => new(true, index.Value, index.IsFromEnd, null, false, 1);

    /// <summary>A range (<c>a..b</c>, <c>..</c>, <c>^10..</c>).</summary>
    public static implicit operator H5Selector(Range range) => Slice(range, 1);

    /// <summary>Resolves against a dimension of length <paramref name="length"/>: first element, count and step.</summary>
    internal (long Start, long Count, long Step) Resolve(long length, int dimension, string what)
    {
        if (IsIndex)
        {
            var i = StartFromEnd ? length - Start : Start;
            if (i < 0 || i >= length)
                throw new H5SelectionException($"Index {(StartFromEnd ? "^" + Start : Start.ToString(System.Globalization.CultureInfo.InvariantCulture))} is out of range for dimension {dimension} of {what} (length {length}).");
            return (i, 1, 1);
        }
        var start = Math.Clamp(StartFromEnd ? length - Start : Start, 0, length);
        var stop = Stop is null ? length : Math.Clamp(StopFromEnd ? length - Stop.Value : Stop.Value, 0, length);
        var count = stop <= start ? 0 : (stop - start + Step - 1) / Step;
        return (start, count, Step);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        if (IsIndex) return (StartFromEnd ? "^" : "") + Start;
        var s = (StartFromEnd ? "^" : "") + Start + ":" + (Stop is null ? "" : (StopFromEnd ? "^" : "") + Stop);
        return Step == 1 ? s : s + ":" + Step;
    }
}

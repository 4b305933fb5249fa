namespace Hdf5.Mapping;

/// <summary>
/// The progress of a walk over a file's objects (listing, describing, scaffolding, validating): knows how many objects
/// there are (<see cref="H5Group.CountObjects"/>, one native walk before the real one) and reports
/// <see cref="H5ProgressUnit.Objects"/> to a sink as each object is reached. The count never runs past the total: a walk
/// that reaches an object twice (by two hard links) or follows a soft link raises the total with it.
/// </summary>
public sealed class H5WalkProgress
{
    private readonly IProgress<H5Progress> _sink;
    private long _total;

    private H5WalkProgress(IProgress<H5Progress> sink, long? total)
    {
        _sink = sink;
        _total = total ?? -1;
    }

    /// <summary>How many objects have been reached.</summary>
    public long Done { get; private set; }

    /// <summary>Starts reporting the walk of <paramref name="root"/> and everything below it to <paramref name="sink"/>; null
    /// when <paramref name="sink"/> is null (then nothing is counted). When the objects cannot be counted (a damaged
    /// file), the walk reports an unknown total rather than failing: the walk itself says what is wrong.</summary>
    public static H5WalkProgress? Start(IProgress<H5Progress>? sink, H5Group root)
    {
        ArgumentNullException.ThrowIfNull(root);
        if (sink is null) return null;
        long? total;
        try
        {
            total = root.CountObjects();
        }
        catch (H5Exception)
        {
            total = null;
        }
        return Start(sink, total);
    }

    /// <summary>Starts reporting a walk of <paramref name="total"/> objects (null: unknown) to <paramref name="sink"/>.</summary>
    public static H5WalkProgress? Start(IProgress<H5Progress>? sink, long? total)
    {
        if (sink is null) return null;
        var walk = new H5WalkProgress(sink, total);
        sink.Report(new H5Progress(0, total, H5ProgressUnit.Objects));
        return walk;
    }

    /// <summary>Reports that the object at <paramref name="path"/> was reached.</summary>
    public void Reached(string path) => Advance(1, path);

    /// <summary>Reports <paramref name="objects"/> objects below <paramref name="path"/> as done without visiting them (a
    /// walk that does not descend into a group counted in the total).</summary>
    public void Passed(long objects, string path)
    {
        if (objects > 0) Advance(objects, path);
    }

    private void Advance(long objects, string path)
    {
        Done += objects;
        if (_total >= 0 && Done > _total) _total = Done;
        _sink.Report(new H5Progress(Done, _total >= 0 ? _total : null, H5ProgressUnit.Objects, path));
    }
}

namespace Hdf5.Mapping;

/// <summary>
/// The state one generated <c>Read</c>/<c>Write</c> of an object graph shares: which C# object was stored at which
/// HDF5 path, and the reference members that wait until every object has a path. References between mapped
/// objects are resolved through it: on write, an object becomes the path it was written to, then an HDF5 object
/// reference; on read, a reference's target path becomes the object read from that path.
/// </summary>
/// <remarks>Generated code creates one per top-level <c>ReadFrom</c>/<c>WriteTo</c> call and calls
/// <see cref="Complete"/> at the end; pass one explicitly only to read or write several roots as one graph.
/// Objects are matched by identity (<see cref="ReferenceEqualityComparer"/>), never by value.</remarks>
public sealed class H5MappingContext
{
    private readonly Dictionary<object, string> _paths = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, object> _objects = new(StringComparer.Ordinal);
    private readonly List<Action> _pending = [];

    private string? _nextPath;

    /// <summary>The absolute path of <paramref name="group"/>: the one its parent announced with
    /// <see cref="EnterChild"/>, or asked of libhdf5 when there was none (a top-level call).</summary>
    /// <remarks>Generated parents announce their children's paths so that reading or writing a graph asks libhdf5
    /// for one name per top-level call, not one per group.</remarks>
    public string PathOf(H5Group group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var path = _nextPath ?? group.Name;
        _nextPath = null;
        return path;
    }

    /// <summary>Announces the path of the group the next generated <c>ReadFrom</c>/<c>WriteTo</c> call receives.</summary>
    public void EnterChild(string path) => _nextPath = path;

    /// <summary>Records that <paramref name="value"/> is stored at <paramref name="path"/> (an absolute HDF5 path).</summary>
    public void Track(object value, string path)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(path);
        _paths.TryAdd(value, path);
        _objects.TryAdd(path, value);
    }

    /// <summary>The path <paramref name="value"/> was written to.</summary>
    /// <param name="value">A mapped group object or the array/list of a mapped dataset, written by this graph.</param>
    /// <param name="referrer">The path of the reference member, for the error message.</param>
    /// <exception cref="H5MappingException">The object is not part of the written graph.</exception>
    public string PathOf(object value, string referrer)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _paths.TryGetValue(value, out var path) ? path
            : throw new H5MappingException(referrer,
                $"the referenced {value.GetType().Name} is not stored by this mapping: a reference must point to an object that is also a mapped group or dataset of the same file");
    }

    /// <summary>The object read from <paramref name="path"/>.</summary>
    /// <exception cref="H5MappingException">Nothing mapped was read from that path.</exception>
    public object ObjectAt(string path, string referrer) =>
        _objects.TryGetValue(path, out var value) ? value
            : throw new H5MappingException(referrer, $"the reference points to '{path}', which this mapping does not read as a group or dataset");

    /// <summary>When true (a live view saving into its file), writers first remove the datasets and collection groups they
    /// are about to write, so writing over an earlier version replaces it.</summary>
    public bool Replace { get; init; }

    /// <summary>The object read from <paramref name="path"/>, as <typeparamref name="T"/>.</summary>
    /// <exception cref="H5MappingException">Nothing mapped was read from that path, or it was read as another type.</exception>
    public T ObjectAt<T>(string path, string referrer) where T : class =>
        ObjectAt(path, referrer) as T
            ?? throw new H5MappingException(referrer, $"the reference points to '{path}', which is read as {ObjectAt(path, referrer).GetType().Name}, not {typeof(T).Name}");

    /// <summary>Object references to where each value was written (a null value gives a null reference).</summary>
    public H5ObjectReference[] ReferencesTo<T>(H5File file, IReadOnlyList<T?> values, string referrer) where T : class
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(values);
        var refs = new H5ObjectReference[values.Count];
        for (int i = 0; i < refs.Length; i++)
            if (values[i] is { } value) refs[i] = ReferenceTo(file, value, referrer);
        return refs;
    }

    /// <summary>An object reference to where <paramref name="value"/> was written.</summary>
    public H5ObjectReference ReferenceTo(H5File file, object value, string referrer)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var target = file.OpenObject(PathOf(value, referrer));
        return target.Reference;
    }

    /// <summary>The target paths of the object references a dataset holds (scalar or 1-D), null for null references.</summary>
    public static string?[] ReadReferenceTargets(H5Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var refs = dataset.Rank == 0 ? [dataset.ReadScalar<H5ObjectReference>()] : dataset.Read<H5ObjectReference>();
        var names = new string?[refs.Length];
        for (int i = 0; i < refs.Length; i++)
            if (!refs[i].IsNull) names[i] = dataset.GetReferenceTargetName(refs[i]);
        return names;
    }

    /// <summary>The objects read from the given target paths (null stays null).</summary>
    public T?[] Resolve<T>(string?[] targets, string referrer) where T : class
    {
        ArgumentNullException.ThrowIfNull(targets);
        var items = new T?[targets.Length];
        for (int i = 0; i < items.Length; i++)
            if (targets[i] is { } path) items[i] = ObjectAt<T>(path, referrer);
        return items;
    }

    /// <summary>Queues work that needs every object's path (writing or resolving references).</summary>
    public void Defer(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _pending.Add(action);
    }

    /// <summary>Runs the queued work, in the order it was queued.</summary>
    public void Complete()
    {
        // A queued action may queue more (a reference inside a referenced group): run until none is left.
        for (int i = 0; i < _pending.Count; i++) _pending[i]();
        _pending.Clear();
    }
}

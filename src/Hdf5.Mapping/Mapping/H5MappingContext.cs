namespace Hdf5.Mapping;

/// <summary>
/// The state one generated <c>Read</c>/<c>Write</c> of an object graph shares: which C# object was stored at which
/// HDF5 path, the root of the graph, and the work that waits until every object has a path (references, regions and
/// scales that name objects of other classes). On write, an object becomes the path it was written to, then an HDF5
/// reference; on read, a reference's target path becomes the object read from that path. A live view's context also
/// remembers what it read, so that saving writes only what changed, in place.
/// </summary>
/// <remarks>Generated code creates one per top-level <c>ReadFrom</c>/<c>WriteTo</c> call and calls
/// <see cref="Complete"/> at the end; pass one explicitly only to read or write several roots as one graph.
/// Objects are matched by identity (<see cref="ReferenceEqualityComparer"/>), never by value. The members below are
/// what generated code calls; they are public so that it can, not meant for other callers.</remarks>
public sealed partial class H5MappingContext
{
    private readonly Dictionary<object, string> _paths = new(ReferenceEqualityComparer.Instance);
    // Every path of an object stored at several (one array written as the dataset of many groups is common), in the
    // order written; the set keeps recording them linear in their number.
    private readonly Dictionary<object, (List<string> Order, HashSet<string> Seen)> _ambiguous = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, object> _objects = new(StringComparer.Ordinal);
    private readonly List<Action> _pending = [];
    private readonly List<ILazyMember> _lazy = [];

    private string? _nextPath;
    private string? _rootPath;

    /// <summary>When true (a live view opened writable), reading remembers a fingerprint of every dataset read, so a later
    /// <see cref="H5Mapped{T}.Save"/> writes only the datasets that changed.</summary>
    public bool TracksChanges { get; init; }

    /// <summary>The absolute path of <paramref name="group"/>: the one its parent announced with
    /// <see cref="EnterChild"/>, or asked of libhdf5 when there was none (a top-level call, whose group becomes the
    /// root of the graph).</summary>
    /// <remarks>Generated parents announce their children's paths so that reading or writing a graph asks libhdf5
    /// for one name per top-level call, not one per group.</remarks>
    public string PathOf(H5Group group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var path = _nextPath ?? group.Name;
        _nextPath = null;
        _rootPath ??= path;
        return path;
    }

    /// <summary>Announces the path of the group the next generated <c>ReadFrom</c>/<c>WriteTo</c> call receives.</summary>
    public void EnterChild(string path) => _nextPath = path;

    /// <summary>Records that <paramref name="value"/> is stored at <paramref name="path"/> (an absolute HDF5 path).</summary>
    public void Track(object value, string path)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!_paths.TryAdd(value, path) && _paths[value] != path)
        {
            if (!_ambiguous.TryGetValue(value, out var all))
                _ambiguous[value] = all = ([_paths[value]], new HashSet<string>(StringComparer.Ordinal) { _paths[value] });
            if (all.Seen.Add(path)) all.Order.Add(path);
        }
        _objects.TryAdd(path, value);
        if (value is ILazyMember lazy) _lazy.Add(lazy);
    }

    /// <summary>The path <paramref name="value"/> was written to.</summary>
    /// <param name="value">A mapped group object or the array/list of a mapped dataset, written by this graph.</param>
    /// <param name="referrer">The path of the reference member, for the error message.</param>
    /// <exception cref="H5MappingException">The object is not part of the written graph, or is stored at several paths.</exception>
    public string PathOf(object value, string referrer)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_ambiguous.TryGetValue(value, out var all))
            throw new H5MappingException(referrer,
                $"the referenced {value.GetType().Name} is stored at {string.Join(" and ", all.Order.Select(p => $"'{p}'"))}, so a reference to it would be ambiguous: store a separate instance (a copy) in each member");
        return _paths.TryGetValue(value, out var path) ? path
            : throw new H5MappingException(referrer,
                $"the referenced {value.GetType().Name} is not stored by this mapping: a reference must point to an object that is also a mapped group or dataset of the same file");
    }

    /// <summary>The object read from <paramref name="path"/>.</summary>
    /// <exception cref="H5MappingException">Nothing mapped was read from that path.</exception>
    public object ObjectAt(string path, string referrer) =>
        _objects.TryGetValue(path, out var value) ? value
            : throw new H5MappingException(referrer, $"the reference points to '{path}', which this mapping does not read as a group or dataset");

    /// <summary>The object read from <paramref name="path"/>, as <typeparamref name="T"/>.</summary>
    /// <exception cref="H5MappingException">Nothing mapped was read from that path, or it was read as another type.</exception>
    public T ObjectAt<T>(string path, string referrer) where T : class =>
        ObjectAt(path, referrer) as T
            ?? throw new H5MappingException(referrer, $"the reference points to '{path}', which is read as {ObjectAt(path, referrer).GetType().Name}, not {typeof(T).Name}");

    /// <summary>The absolute path of <paramref name="relative"/> from the root of the graph (the group the top-level
    /// <c>ReadFrom</c>/<c>WriteTo</c> received: the file's root for <c>Read(path)</c> and <c>Write(path)</c>).</summary>
    public string RootPath(string relative)
    {
        ArgumentNullException.ThrowIfNull(relative);
        var root = _rootPath ?? throw new InvalidOperationException("The graph has no root yet: generated ReadFrom/WriteTo sets it.");
        return H5Path.Join(root, relative);
    }

    /// <summary>As <see cref="RootPath(string)"/>, for a path named from the [H5File] class <typeparamref name="TRoot"/>:
    /// the object written at the root must be one.</summary>
    /// <exception cref="H5MappingException">The graph's root is another class.</exception>
    public string RootPath<TRoot>(string relative) where TRoot : class
    {
        var path = RootPath(relative);
        if (_objects.TryGetValue(_rootPath!, out var root) && root is not TRoot)
            throw new H5MappingException(path,
                $"the path is named from {typeof(TRoot).Name}, but the root of this graph is a {root.GetType().Name}: write the {typeof(TRoot).Name} that holds it, or name the dataset by a path");
        return path;
    }

    /// <summary>Queues work that needs every object's path (writing or resolving references, regions, scales of other groups).</summary>
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

    /// <summary>Closes the lazy members read through this context, so that using one afterwards says why instead of
    /// failing on a closed id. Generated <c>Read(path)</c> calls it before closing the file.</summary>
    /// <param name="typeName">The [H5File] class whose <c>Read</c> closes the file (named in the message).</param>
    public void CloseLazyMembers(string typeName)
    {
        foreach (var lazy in _lazy)
            lazy.Close($"{typeName}.Read(path) closed the file after reading; to read lazy members, open it with {typeName}.Open(path) and keep the view until done");
        _lazy.Clear();
    }

    internal void CloseLazyMembers(string typeName, string reason)
    {
        foreach (var lazy in _lazy) lazy.Close($"{reason}; lazy members of {typeName} live as long as the view");
        _lazy.Clear();
    }
}

/// <summary>A lazy member (<see cref="H5Dataset{T}"/>) that can be closed with the reason later use will report.</summary>
internal interface ILazyMember
{
    void Close(string reason);
}

using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// An HDF5 group with dictionary semantics, like h5py's <c>Group</c>: keys are link names, paths may be nested
/// (<c>"a/b/c"</c>) or absolute (<c>"/a/b"</c>), and enumeration yields the link names in creation order when the
/// group tracks it, otherwise in name order. Objects returned by the indexer and the Open/Create methods own
/// their ids: dispose them (or let the finalizer do it).
/// </summary>
public partial class H5Group : H5Object, IEnumerable<string>
{
    internal H5Group(H5Id id, H5File? file, string? path) : base(id, file, path) { }

    /// <summary>The group id (for a file, the file id, which libhdf5 accepts wherever a group is expected).</summary>
    public H5Id Id => ObjectId;

    // ---- dictionary semantics -----------------------------------------------------------------------

    /// <summary>The names of the links in this group.</summary>
    public unsafe IReadOnlyList<string> Keys
    {
        get
        {
            using var scope = H5Library.Enter();
            H5G.Info info;
            var location = LocationId;
            if (H5ChildProgress.Enabled) H5ChildProgress.Report($"listing {What}");
            H5Call.Check(H5G.GetInfo(location, &info), $"listing {What}", Path);
            var index = TracksOrder() ? H5.Index.CrtOrder : H5.Index.Name;
            var names = new string[(int)info.Nlinks];
            var context = names.Length == 0 ? null : $"listing {What}";
            for (int i = 0; i < names.Length; i++)
            {
                ulong n = (ulong)i;
                names[i] = H5Call.ReadString((b, s) => H5L.GetNameByIdx(location, ".", index, H5.IterOrder.Inc, n, b, s, PropertyListId.Default), context, Path);
            }
            return names;
        }
    }

    /// <summary>The number of links in this group (h5py: <c>len(group)</c>).</summary>
    public unsafe int Count
    {
        get
        {
            using var scope = H5Library.Enter();
            H5G.Info info;
            H5Call.Check(H5G.GetInfo(LocationId, &info), $"counting the links of {What}", Path);
            return (int)info.Nlinks;
        }
    }

    /// <summary>Whether a link named <paramref name="path"/> exists (h5py: <c>path in group</c>). Nested paths are walked
    /// one link at a time: a missing or dangling intermediate link gives false, not an error. As in h5py, a final
    /// soft or external link whose target is missing still counts (it is a link of this group; <see cref="GetKind"/>
    /// says <see cref="H5ObjectKind.DanglingLink"/> and <see cref="TryGetValue"/> opens nothing).</summary>
    public bool ContainsKey(string path)
    {
        H5Names.ValidateLookup(path, nameof(path));
        using var scope = H5Library.Enter();
        return LinkStateOf(path, classifyLast: false) != LinkState.Missing;
    }

    // Linked: the last link exists, and whether its target does was not asked.
    private enum LinkState { Missing, Dangling, Resolved, Linked }

    // One walk for every question about a path: each intermediate component must be a link whose target exists
    // (libhdf5 errors rather than answers "no" past a dangling one, so those errors mean "no" here); the last
    // component may be a link to nothing.
    // Asked only whether a name is there (classifyLast false), the walk skips the question about the last target: one
    // libhdf5 call for a plain child name.
    private LinkState LinkStateOf(string path, bool classifyLast = true)
    {
        if (path is "/" or "." or "") return LinkState.Resolved;
        var parts = path.Contains('/') ? path.Split('/', StringSplitOptions.RemoveEmptyEntries) : [path];
        if (parts.Length == 0) return LinkState.Resolved;
        var prefix = path.StartsWith('/') ? "/" : "";
        for (int i = 0; i < parts.Length; i++)
        {
            prefix += (i == 0 ? "" : "/") + parts[i];
            // The first link is in this group: failing to look it up is a real error, not a "no".
            var exists = H5L.Exists(LocationId, prefix, PropertyListId.Default);
            if (!(i == 0 ? H5Call.CheckBool(exists, $"looking up '{prefix}' in {What}") : Answer(exists))) return LinkState.Missing;
            if (!classifyLast && i == parts.Length - 1) return LinkState.Linked;
            if (!Answer(H5O.ExistsByName(LocationId, prefix, PropertyListId.Default)))
                return i == parts.Length - 1 ? LinkState.Dangling : LinkState.Missing;
        }
        return LinkState.Resolved;
    }

    private static bool Answer(int htri)
    {
        if (htri >= 0) return htri > 0;
        H5ErrorStack.Capture(); // a path that cannot be traversed: the answer is "no", the stack is dropped
        return false;
    }

    /// <summary>What <paramref name="path"/> names: a group, a dataset, a named datatype, a soft or external link
    /// whose target is missing (<see cref="H5ObjectKind.DanglingLink"/>), or nothing.</summary>
    public H5ObjectKind GetKind(string path)
    {
        H5Names.ValidateLookup(path, nameof(path));
        using var scope = H5Library.Enter();
        if (H5ChildProgress.Enabled) H5ChildProgress.Report($"looking up '{Resolve(path)}'");
        switch (LinkStateOf(path))
        {
            case LinkState.Missing: return H5ObjectKind.Missing;
            case LinkState.Dangling: return H5ObjectKind.DanglingLink;
        }
        return H5ObjectInfo.GetByName(LocationId, path, H5O.InfoBasic, $"inspecting '{path}' in {What}", Resolve(path)).Type switch
        {
            H5O.Type.Group => H5ObjectKind.Group,
            H5O.Type.Dataset => H5ObjectKind.Dataset,
            H5O.Type.NamedDatatype => H5ObjectKind.Datatype,
            _ => H5ObjectKind.Missing,
        };
    }

    /// <summary>The info of the object at <paramref name="path"/> without opening it (h5py: <c>h5o.get_info(group.id, path)</c>):
    /// compare <see cref="H5ObjectInfo.IsSameObject"/> to find paths that lead to one object.</summary>
    /// <exception cref="H5LinkNotFoundException">Nothing is at that path.</exception>
    public H5ObjectInfo GetInfo(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var scope = H5Library.Enter();
        if (LinkStateOf(path) != LinkState.Resolved) throw NotFound(path);
        return H5ObjectInfo.GetByName(LocationId, path, H5O.InfoBasic | H5O.InfoNumAttrs, $"inspecting '{path}'");
    }

    /// <summary>Opens the object at <paramref name="path"/> (h5py: <c>group[path]</c>).</summary>
    /// <exception cref="H5LinkNotFoundException">Nothing is at that path.</exception>
    public H5Object this[string path] => OpenObject(path);

    /// <summary>Opens the object at <paramref name="path"/> if it exists (h5py: <c>group.get(path)</c>); false, and no
    /// object, for a missing path or a link whose target is missing (h5py's <c>get</c> gives <c>None</c> for both).</summary>
    public bool TryGetValue(string path, [NotNullWhen(true)] out H5Object? value)
    {
        H5Names.ValidateLookup(path, nameof(path));
        using var scope = H5Library.Enter();
        value = LinkStateOf(path) == LinkState.Resolved ? OpenObject(path) : null;
        return value is not null;
    }

    /// <summary>Opens the object at <paramref name="path"/>, whatever its kind.</summary>
    public H5Object OpenObject(string path)
    {
        H5Names.ValidateLookup(path, nameof(path));
        using var scope = H5Library.Enter();
        if (LinkStateOf(path) != LinkState.Resolved) throw Missing(path);
        var full = Resolve(path);
        if (H5ChildProgress.Enabled) H5ChildProgress.Report($"opening '{full}'");
        var id = H5O.Open(LocationId, path, PropertyListId.Default);
        // The link resolves: an object header that cannot be opened is a corrupt one.
        if (id < 0) throw H5ErrorTable.Create(H5ErrorStack.Capture(), $"opening '{path}' in {What}", full, H5ErrorKind.CorruptMetadata);
        return Wrap(id, File, full);
    }

    /// <summary>Opens the group at <paramref name="path"/>.</summary>
    public H5Group OpenGroup(string path)
    {
        H5Names.ValidateLookup(path, nameof(path));
        using var scope = H5Library.Enter();
        var full = Resolve(path);
        if (H5ChildProgress.Enabled) H5ChildProgress.Report($"opening group '{full}'");
        var id = H5G.Open2(LocationId, path, PropertyListId.Default);
        if (id < 0) throw OpenFailure(path, H5ObjectKind.Group, $"opening group '{full}'", full);
        return new H5Group(new GroupId(id), File, full);
    }

    /// <summary>Opens the dataset at <paramref name="path"/>.</summary>
    public H5Dataset OpenDataset(string path)
    {
        H5Names.ValidateLookup(path, nameof(path));
        using var scope = H5Library.Enter();
        var full = Resolve(path);
        if (H5ChildProgress.Enabled) H5ChildProgress.Report($"opening dataset '{full}'");
        var id = H5D.Open2(LocationId, path, PropertyListId.Default);
        if (id < 0) throw OpenFailure(path, H5ObjectKind.Dataset, $"opening dataset '{full}'", full);
        return new H5Dataset(new DatasetId(id), File, full);
    }

    /// <summary>Opens the dataset at <paramref name="path"/> as a typed, lazily read view.</summary>
    public H5Dataset<T> OpenDataset<T>(string path) where T : unmanaged => new(OpenDataset(path));

    // Opening straight away is one libhdf5 call when the path is right, which is the rule; only a failed open walks the
    // path to say why (missing, dangling, another kind), and a path that walks fine gets libhdf5's own error.
    private Exception OpenFailure(string path, H5ObjectKind kind, string context, string full)
    {
        var stack = H5ErrorStack.Capture();
        RequireKind(path, kind);
        return H5ErrorTable.Create(stack, context, full);
    }

    private void RequireKind(string path, H5ObjectKind kind)
    {
        var actual = GetKind(path);
        if (actual == kind) return;
        if (actual == H5ObjectKind.Missing) throw Missing(path);
        if (actual == H5ObjectKind.DanglingLink) throw NotFound(path);
        throw new H5TypeMismatchException($"'{path}' in {What} is a {actual.ToString().ToLowerInvariant()}, not a {kind.ToString().ToLowerInvariant()}.");
    }

    private H5LinkNotFoundException NotFound(string path)
    {
        if (LinkStateOf(path) == LinkState.Dangling && DanglingTarget(path) is { } target)
            return new($"'{path}' in {What} (file '{File.Filename}') is a link to {target}, which does not exist.", path);
        return new($"No object named '{path}' in {What} (file '{File.Filename}').", path);
    }

    private string? DanglingTarget(string path)
    {
        try
        {
            var link = GetLink(path);
            return link.Kind == H5LinkKind.External ? $"'{link.Path}' in file '{link.FileName}'" : $"'{link.Path}'";
        }
        catch (Exception e) when (e is IH5Exception)
        {
            return null; // the message is then the generic one; the failure to describe it is not the user's error
        }
    }

    // A path that names no object. When its last link is a hard link, that link points to no object: not a missing
    // name but a damaged file. Opening it anyway gets libhdf5's account of why, with its stack.
    private Exception Missing(string path)
    {
        var slash = path.TrimEnd('/').LastIndexOf('/');
        if (slash > 0 && LinkStateOf(path[..slash]) != LinkState.Resolved) return NotFound(path);
        if (H5L.Exists(LocationId, path, PropertyListId.Default) <= 0)
        {
            H5ErrorStack.Capture(); // an error here only says the name is not there
            return NotFound(path);
        }
        try
        {
            if (H5LinkDetails.Get(LocationId, path).Type != H5L.Type.Hard) return NotFound(path);
        }
        catch (Exception e) when (e is IH5Exception)
        {
            return NotFound(path); // the link cannot be described: it is missing as far as this lookup can tell
        }
        var id = H5O.Open(LocationId, path, PropertyListId.Default);
        if (id < 0) return H5ErrorTable.Create(H5ErrorStack.Capture(), $"opening '{path}' in {What}, a hard link to no object", Resolve(path));
        H5O.Close(id);
        return NotFound(path);
    }

    internal override string What => $"group '{Path}'";

    // ---- creation -----------------------------------------------------------------------------------

    /// <summary>Creates a group (and any missing intermediate groups). With <paramref name="trackOrder"/>, links and
    /// attributes keep their creation order (h5py's <c>track_order=True</c>).</summary>
    /// <exception cref="H5AlreadyExistsException">Something already exists at <paramref name="path"/>.</exception>
    public H5Group CreateGroup(string path, bool trackOrder = false)
    {
        H5Names.Validate(path, nameof(path));
        using var scope = H5Library.Enter();
        File.RefuseUnderSwmr($"create group '{path}' in {What}");
        if (LinkStateOf(path, classifyLast: false) != LinkState.Missing) throw new H5AlreadyExistsException($"Cannot create group '{path}' in {What}: the name already exists.");
        return CreateMissingGroup(path, trackOrder);
    }

    /// <summary>Opens the group at <paramref name="path"/>, creating it if it does not exist (h5py: <c>require_group</c>).</summary>
    public H5Group RequireGroup(string path)
    {
        H5Names.ValidateLookup(path, nameof(path));
        using var scope = H5Library.Enter();
        if (TryCreateFirst(path) is { } created) return created;
        if (LinkStateOf(path, classifyLast: false) != LinkState.Missing) return OpenGroup(path);
        H5Names.Validate(path, nameof(path));
        File.RefuseUnderSwmr($"create group '{path}' in {What}");
        return CreateMissingGroup(path, trackOrder: false);
    }

    // Writing a new file requires groups that are not there yet: creating a plain child name straight away is one
    // lookup in the parent where asking first is two. A name that exists fails the create without changing the file
    // (the stack is dropped) and the caller opens it. Atomic changes and SWMR writes take the checked path.
    private H5Group? TryCreateFirst(string name)
    {
        if (!H5Names.IsPlainName(name) || File.Journal is not null || File.IsSwmrWriting) return null;
        var id = H5G.Create2(LocationId, name, H5Links.CreatePropertiesFor(name), PropertyListId.Default, PropertyListId.Default);
        if (id < 0)
        {
            H5ErrorStack.Capture();
            return null;
        }
        return new H5Group(new GroupId(id), File, Resolve(name));
    }

    // Creates a group where the caller found no link. Without order tracking the default creation list is the one
    // wanted: no list is made per group.
    private H5Group CreateMissingGroup(string path, bool trackOrder)
    {
        using var gcpl = trackOrder ? new PropertyListId(H5Call.Check(H5P.Create(H5Globals.GroupCreate))) : null;
        if (gcpl is not null)
        {
            H5Call.Check(H5P.SetLinkCreationOrder(gcpl, H5P.CrtOrderTracked | H5P.CrtOrderIndexed));
            H5Call.Check(H5P.SetAttrCreationOrder(gcpl, H5P.CrtOrderTracked | H5P.CrtOrderIndexed));
        }
        var full = Resolve(path);
        var id = Creating(full, () => H5Call.Check(H5G.Create2(LocationId, path, H5Links.CreatePropertiesFor(path), gcpl ?? PropertyListId.Default, PropertyListId.Default), $"creating group '{path}' in {What}", full));
        return new H5Group(new GroupId(id), File, full);
    }

    /// <summary>Creates a dataset of <typeparamref name="T"/> elements with the given shape (h5py: <c>create_dataset(name, shape, dtype)</c>).</summary>
    public H5Dataset CreateDataset<T>(string path, long[] shape, H5DatasetOptions? options = null) where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return H5DatasetCreation.Create(this, path, H5TypeMap.FileType<T>(options?.AlignCompounds ?? false), shape, options);
    }

    /// <summary>Creates a dataset of the given datatype and shape.</summary>
    public H5Dataset CreateDataset(string path, H5Datatype type, long[] shape, H5DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        return H5DatasetCreation.Create(this, path, type.Id, shape, options);
    }

    /// <summary>Creates a virtual dataset of <typeparamref name="T"/> elements from <paramref name="layout"/> (h5py:
    /// <c>create_virtual_dataset(name, layout, fillvalue=)</c>; the fill value, for regions no source maps or whose
    /// source file is missing, goes in <paramref name="options"/>).</summary>
    public H5Dataset CreateVirtualDataset<T>(string path, H5VirtualLayout layout, H5DatasetOptions? options = null) where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return H5DatasetCreation.CreateVirtual(this, path, H5TypeMap.MemoryType<T>(), layout, options);
    }

    /// <summary>Creates a virtual dataset of the given datatype from <paramref name="layout"/>.</summary>
    public H5Dataset CreateVirtualDataset(string path, H5Datatype type, H5VirtualLayout layout, H5DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        return H5DatasetCreation.CreateVirtual(this, path, type.Id, layout, options);
    }

    /// <summary>Creates a 1-D dataset holding <paramref name="data"/> (h5py: <c>group[path] = data</c>, or
    /// <c>create_dataset(path, data=data)</c>). Named <c>Add</c> rather than <c>CreateDataset</c> so that a shape
    /// (<c>long[]</c>) can never be mistaken for data.</summary>
    public H5Dataset Add<T>(string path, T[] data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var ds = CreateDataset<T>(path, [data.LongLength], options);
        return WriteOrDelete(ds, path, () => ds.Write<T>(data));
    }

    /// <summary>Creates a 1-D dataset holding <paramref name="data"/> (for example a <c>List&lt;T&gt;</c>'s span, without a copy).</summary>
    public H5Dataset Add<T>(string path, ReadOnlySpan<T> data, H5DatasetOptions? options = null) where T : unmanaged
    {
        var ds = CreateDataset<T>(path, [data.Length], options);
        try // WriteOrDelete's lambda cannot capture a span, hence the same clean-up written out here
        {
            ds.Write(data);
            return ds;
        }
        catch
        {
            ds.Dispose();
            using (H5Library.Enter()) H5L.Delete(LocationId, path, PropertyListId.Default);
            throw;
        }
    }

    /// <summary>Creates a 2-D dataset holding <paramref name="data"/>.</summary>
    public H5Dataset Add<T>(string path, T[,] data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var ds = CreateDataset<T>(path, H5Shape.Of(data), options);
        return WriteOrDelete(ds, path, () => ds.Write(data));
    }

    /// <summary>Creates a 3-D dataset holding <paramref name="data"/>.</summary>
    public H5Dataset Add<T>(string path, T[,,] data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var ds = CreateDataset<T>(path, H5Shape.Of(data), options);
        return WriteOrDelete(ds, path, () => ds.Write(data));
    }

    /// <summary>Creates a dataset of any rank holding <paramref name="data"/> (a <c>T[,,,]</c> or higher).</summary>
    public H5Dataset AddArray<T>(string path, Array data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        var ds = CreateDataset<T>(path, H5Shape.Of(data), options);
        return WriteOrDelete(ds, path, () => ds.WriteArray<T>(data));
    }

    /// <summary>Creates a dataset of elements described by <paramref name="type"/> (h5py: <c>create_dataset(path, shape, dtype=...)</c>
    /// with a structured or vlen dtype).</summary>
    public H5Dataset CreateDataset<T>(string path, H5ElementType<T> type, long[] shape, H5DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        return H5DatasetCreation.Create(this, path, type.MemoryType, shape, options);
    }

    /// <summary>Creates a 1-D dataset holding <paramref name="data"/>, each element stored as <paramref name="type"/>
    /// describes it: records with strings, sequences, arrays or nested compounds (h5py: <c>group[path] = structured_array</c>).</summary>
    public H5Dataset Add<T>(string path, T[] data, H5ElementType<T> type, H5DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ds = CreateDataset(path, type, [data.LongLength], options);
        return WriteOrDelete(ds, path, () => ds.Write<T>(data, type));
    }

    /// <summary>Creates a 1-D dataset of variable-length sequences (h5py: <c>vlen_dtype(T)</c>), one per array.</summary>
    public H5Dataset AddSequences<T>(string path, IReadOnlyList<T[]> data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        return AddRagged(path, H5Ragged<T>.From(data), options);
    }

    /// <summary>Creates a 1-D dataset of variable-length sequences from one flat array with offsets.</summary>
    public H5Dataset AddRagged<T>(string path, H5Ragged<T> data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        H5Dataset ds;
        using (H5Library.Enter())
        using (var type = new LowLevel.DatatypeId(LowLevel.H5Call.Check(H5T.VlenCreate(H5TypeMap.FileType<T>(options?.AlignCompounds ?? false)), "creating a variable-length sequence type")))
            ds = H5DatasetCreation.Create(this, path, type, [data.Count], options);
        return WriteOrDelete(ds, path, () => ds.WriteRagged(data));
    }

    /// <summary>Creates a dataset of <typeparamref name="T"/> with a null dataspace: a type but no value, not even a
    /// scalar one (h5py: <c>create_dataset(path, data=h5py.Empty(dtype))</c>).</summary>
    public H5Dataset AddEmpty<T>(string path, H5DatasetOptions? options = null) where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return H5DatasetCreation.Create(this, path, H5TypeMap.FileType<T>(options?.AlignCompounds ?? false), null, options);
    }

    /// <summary>Creates a dataset of <paramref name="type"/> with a null dataspace (h5py: <c>h5py.Empty(dtype)</c>).</summary>
    public H5Dataset AddEmpty(string path, H5Datatype type, H5DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        using var scope = H5Library.Enter();
        return H5DatasetCreation.Create(this, path, type.Id, null, options);
    }

    /// <summary>Creates a dataset whose elements are HDF5 arrays: the last <paramref name="elementRank"/> dimensions of
    /// <paramref name="data"/> form each element (h5py: <c>create_dataset(path, shape[:-k], dtype=(T, shape[-k:]))</c>);
    /// h5py reads it back with all of <paramref name="data"/>'s dimensions.</summary>
    public H5Dataset AddArray<T>(string path, Array data, int elementRank, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        if (elementRank < 1 || elementRank > data.Rank)
            throw new ArgumentOutOfRangeException(nameof(elementRank), $"The element rank must be between 1 and the data's rank {data.Rank}.");
        var shape = H5Shape.Of(data);
        using var type = H5Datatype.Array<T>(shape[^elementRank..]);
        var ds = CreateDataset(path, type, shape[..^elementRank], options);
        return WriteOrDelete(ds, path, () => ds.WriteArray<T>(data));
    }

    /// <summary>Creates a 1-D dataset of opaque elements of <paramref name="elementSize"/> bytes with a tag saying what they
    /// are (h5py: numpy <c>V</c>n, or <c>opaque_dtype</c>); <paramref name="bytes"/> holds the elements one after another.</summary>
    public H5Dataset AddOpaque(string path, byte[] bytes, int elementSize, string tag = "", H5DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(elementSize, 1);
        if (bytes.Length % elementSize != 0)
            throw new ArgumentException($"{bytes.Length} bytes are not a whole number of {elementSize}-byte elements.", nameof(bytes));
        using var type = H5Datatype.Opaque(elementSize, tag);
        var ds = CreateDataset(path, type, [bytes.Length / elementSize], options);
        return WriteOrDelete(ds, path, () => ds.Write<byte>(bytes));
    }

    /// <summary>Creates a 1-D dataset of variable-length UTF-8 strings (what h5py writes for a list of <c>str</c>).</summary>
    public H5Dataset Add(string path, string[] data, H5DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var type = H5Datatype.VariableString();
        var ds = CreateDataset(path, type, [data.LongLength], options);
        return WriteOrDelete(ds, path, () => ds.WriteStrings(data));
    }

    /// <summary>Creates a 1-D dataset of fixed-length strings (numpy <c>S</c>n), each NUL-padded to <paramref name="fixedLength"/> bytes;
    /// a value longer than that raises <see cref="ArgumentException"/> and leaves no dataset behind.</summary>
    public H5Dataset Add(string path, string[] data, int fixedLength, H5DatasetOptions? options = null, H5CharSet charSet = H5CharSet.Ascii)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(fixedLength, 1);
        using var type = H5Datatype.FixedString(fixedLength, charSet);
        var ds = CreateDataset(path, type, [data.LongLength], options);
        return WriteOrDelete(ds, path, () => ds.WriteStrings(data));
    }

    /// <summary>Creates a scalar fixed-length string dataset of <paramref name="fixedLength"/> bytes.</summary>
    public H5Dataset CreateScalarDataset(string path, string value, int fixedLength, H5CharSet charSet = H5CharSet.Ascii)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fixedLength, 1);
        using var type = H5Datatype.FixedString(fixedLength, charSet);
        var ds = CreateDataset(path, type, []);
        return WriteOrDelete(ds, path, () => ds.WriteStrings([value]));
    }

    /// <summary>Creates a scalar dataset holding one value.</summary>
    public H5Dataset CreateScalarDataset<T>(string path, T value) where T : unmanaged
    {
        var ds = CreateDataset<T>(path, Array.Empty<long>());
        return WriteOrDelete(ds, path, () => ds.WriteScalar(value));
    }

    /// <summary>Creates a scalar variable-length UTF-8 string dataset.</summary>
    public H5Dataset CreateScalarDataset(string path, string value)
    {
        using var type = H5Datatype.VariableString();
        var ds = CreateDataset(path, type, []);
        return WriteOrDelete(ds, path, () => ds.WriteStrings([value]));
    }

    // A create-and-write that fails half way must not leave an empty dataset behind ("loses nothing").
    private H5Dataset WriteOrDelete(H5Dataset ds, string path, Action write)
    {
        try
        {
            write();
            return ds;
        }
        catch
        {
            ds.Dispose();
            using (H5Library.Enter()) H5L.Delete(LocationId, path, PropertyListId.Default);
            throw;
        }
    }

    /// <summary>Opens the dataset at <paramref name="path"/> if its shape and type match, or creates it (h5py: <c>require_dataset</c>).</summary>
    public H5Dataset RequireDataset<T>(string path, long[] shape, H5DatasetOptions? options = null) where T : unmanaged
    {
        using var scope = H5Library.Enter();
        if (LinkStateOf(path, classifyLast: false) == LinkState.Missing) return CreateDataset<T>(path, shape, options);
        var ds = OpenDataset(path);
        if (!ds.Shape.AsSpan().SequenceEqual(shape))
        {
            var actual = ds.Shape;
            ds.Dispose();
            throw new H5TypeMismatchException($"Dataset '{path}' exists with shape {H5Shape.Format(actual)}, not {H5Shape.Format(shape)}.");
        }
        using var fileType = ds.DType;
        try
        {
            H5TransferPlan.ForWrite<T>(fileType.Id, fileType.Description, $"dataset '{path}'").Dispose();
        }
        catch
        {
            ds.Dispose();
            throw;
        }
        return ds;
    }

    // ---- links --------------------------------------------------------------------------------------

    /// <summary>Removes the link at <paramref name="path"/> (h5py: <c>del group[path]</c>); false if there was none.</summary>
    public bool Remove(string path)
    {
        H5Names.ValidateLookup(path, nameof(path));
        using var scope = H5Library.Enter();
        File.RefuseUnderSwmr($"remove '{path}' from {What}");
        if (LinkStateOf(path, classifyLast: false) == LinkState.Missing) return false;
        // In an atomic change (a live view's save) the link is set aside, to be deleted once the change succeeds.
        if (File.Journal is { } journal) journal.ParkLink(Resolve(path));
        else H5Call.Check(H5L.Delete(LocationId, path, PropertyListId.Default), $"removing '{path}' from {What}", Resolve(path));
        return true;
    }

    /// <summary>Runs <paramref name="create"/>, which creates <paramref name="fullPath"/> (and any missing groups above
    /// it); in an atomic change it is recorded so that a failed change removes it again.</summary>
    internal T Creating<T>(string fullPath, Func<T> create)
    {
        var journal = File.Journal;
        var first = journal?.FirstMissing(fullPath);
        var result = create();
        journal?.Created(first);
        return result;
    }

    /// <summary>Moves (renames) the link at <paramref name="source"/> to <paramref name="destination"/>, both relative to this
    /// group (h5py: <c>group.move(source, dest)</c>); open objects keep working under the new name.</summary>
    public void Move(string source, string destination)
    {
        H5Names.Validate(source, nameof(source));
        H5Names.Validate(destination, nameof(destination));
        using var scope = H5Library.Enter();
        File.RefuseUnderSwmr($"move '{source}' in {What}");
        H5Call.Check(H5L.Move(LocationId, source, LocationId, destination, H5Links.CreatePropertiesFor(destination), PropertyListId.Default),
            $"moving '{source}' to '{destination}' in {What}", Resolve(source));
        File.Journal?.Moved(Resolve(source), Resolve(destination));
    }

    /// <summary>Creates a soft link (h5py: <c>group[path] = h5py.SoftLink(target)</c>).</summary>
    public void CreateSoftLink(string path, string target)
    {
        H5Names.Validate(path, nameof(path));
        using var scope = H5Library.Enter();
        H5Names.ValidateLookup(target, nameof(target));
        File.RefuseUnderSwmr($"create soft link '{path}' in {What}");
        Creating(Resolve(path), () => H5Call.Check(H5L.CreateSoft(target, LocationId, path, H5Links.CreatePropertiesFor(path), PropertyListId.Default), $"creating soft link '{path}' in {What}", Resolve(path)));
    }

    /// <summary>Creates a hard link to an existing object (h5py: <c>group[path] = obj</c>).</summary>
    public void CreateHardLink(string path, H5Object target)
    {
        ArgumentNullException.ThrowIfNull(target);
        H5Names.Validate(path, nameof(path));
        using var scope = H5Library.Enter();
        File.RefuseUnderSwmr($"create hard link '{path}' in {What}");
        Creating(Resolve(path), () => H5Call.Check(H5O.Link(target.ObjectId, LocationId, path, H5Links.CreatePropertiesFor(path), PropertyListId.Default), $"creating hard link '{path}' in {What}", Resolve(path)));
    }

    /// <summary>Creates an external link (h5py: <c>group[path] = h5py.ExternalLink(file, objectPath)</c>).</summary>
    public void CreateExternalLink(string path, string fileName, string objectPath)
    {
        H5Names.Validate(path, nameof(path));
        using var scope = H5Library.Enter();
        H5Names.ValidateLookup(fileName, nameof(fileName));
        H5Names.ValidateLookup(objectPath, nameof(objectPath));
        File.RefuseUnderSwmr($"create external link '{path}' in {What}");
        Creating(Resolve(path), () => H5Call.Check(H5L.CreateExternal(fileName, objectPath, LocationId, path, H5Links.CreatePropertiesFor(path), PropertyListId.Default), $"creating external link '{path}' in {What}", Resolve(path)));
    }

    /// <summary>Describes the link at <paramref name="path"/> without following it (h5py: <c>group.get(path, getlink=True)</c>).</summary>
    public unsafe H5LinkInfo GetLink(string path)
    {
        H5Names.ValidateLookup(path, nameof(path));
        using var scope = H5Library.Enter();
        if (LinkStateOf(path, classifyLast: false) == LinkState.Missing) throw NotFound(path);
        var info = H5LinkDetails.Get(LocationId, path, $"reading link '{path}' of {What}", Resolve(path));
        switch (info.Type)
        {
            case H5L.Type.Soft:
            {
                var size = checked((int)info.ValueSize);
                var buf = new byte[size];
                fixed (byte* p = buf) H5Call.Check(H5L.GetVal(LocationId, path, p, (nuint)size, PropertyListId.Default));
                return new H5LinkInfo(H5LinkKind.Soft, H5Call.FromCStringSpan(buf), null);
            }
            case H5L.Type.External:
            {
                var size = checked((int)info.ValueSize);
                var buf = new byte[size];
                fixed (byte* p = buf)
                {
                    H5Call.Check(H5L.GetVal(LocationId, path, p, (nuint)size, PropertyListId.Default));
                    byte* file, obj;
                    uint flags;
                    H5Call.Check(H5L.UnpackElinkVal(p, (nuint)size, &flags, &file, &obj));
                    return new H5LinkInfo(H5LinkKind.External, H5Call.FromCString(obj), H5Call.FromCString(file));
                }
            }
            default:
                return new H5LinkInfo(H5LinkKind.Hard, null, null);
        }
    }

    // ---- misc ---------------------------------------------------------------------------------------

    private unsafe bool TracksOrder()
    {
        if (this is H5File file)
        {
            using var fcpl = new PropertyListId(H5Call.Check(H5F.GetCreatePlist(file.Id)));
            H5Call.Check(H5P.GetLinkCreationOrder(fcpl, out var f));
            return (f & H5P.CrtOrderTracked) != 0;
        }
        using var gcpl = new PropertyListId(H5Call.Check(H5G.GetCreatePlist(LocationId)));
        H5Call.Check(H5P.GetLinkCreationOrder(gcpl, out var flags));
        return (flags & H5P.CrtOrderTracked) != 0;
    }

    /// <inheritdoc/>
    public IEnumerator<string> GetEnumerator() => Keys.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The kind of a link.</summary>
public enum H5LinkKind
{
    /// <summary>A hard link (h5py: <c>HardLink</c>).</summary>
    Hard,
    /// <summary>A soft link to a path (h5py: <c>SoftLink</c>).</summary>
    Soft,
    /// <summary>A link to an object in another file (h5py: <c>ExternalLink</c>).</summary>
    External,
}

/// <summary>A link as stored: its kind, its target path (soft, external) and file (external).</summary>
/// <param name="Kind">The kind of link.</param>
/// <param name="Path">The target path of a soft or external link.</param>
/// <param name="FileName">The target file of an external link.</param>
public sealed record H5LinkInfo(H5LinkKind Kind, string? Path, string? FileName);

/// <summary>Validation of link names (the rules libhdf5 would otherwise report less clearly).</summary>
internal static class H5Names
{
    /// <summary>An attribute name to create: not empty, no NUL.</summary>
    public static void ValidateAttribute(string name, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (name.Length == 0) throw new ArgumentException("An attribute name cannot be empty.", paramName);
        ValidateLookup(name, paramName);
    }

    /// <summary>A path that is looked up (not created): it must not contain NUL, which would end the C string early
    /// and make libhdf5 see another name ("a\0b" would find "a").</summary>
    public static void ValidateLookup(string path, string paramName)
    {
        ArgumentNullException.ThrowIfNull(path, paramName);
        if (path.Contains('\0')) throw new ArgumentException($"'{path.Replace("\0", "\\0")}': HDF5 names cannot contain NUL.", paramName);
    }

    /// <summary>Whether <paramref name="name"/> is one valid link name (no path): what <see cref="Validate"/> accepts, without '/'.</summary>
    public static bool IsPlainName(string name) =>
        name.Length > 0 && name is not ("." or "..") && name.AsSpan().IndexOfAny('/', '\0') < 0;

    public static void Validate(string path, string paramName)
    {
        ArgumentNullException.ThrowIfNull(path, paramName);
        if (path.Length == 0) throw new ArgumentException("A link name cannot be empty.", paramName);
        foreach (var part in path.Split('/'))
            if (part == "." || part == "..")
                throw new ArgumentException($"'{path}': '.' and '..' are not allowed as link names in HDF5.", paramName);
        if (path.Contains('\0')) throw new ArgumentException($"'{path.Replace("\0", "\\0")}': HDF5 names cannot contain NUL.", paramName);
    }
}

using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// Base of every named HDF5 object: groups, datasets and committed datatypes (h5py's <c>HLObject</c>).
/// Holds the low-level id; disposing closes it (the finalizer closes it too if you forget).
/// </summary>
public abstract class H5Object : IDisposable
{
    private H5AttributeCollection? _attrs;

    private protected H5Object(H5Id id, H5File? file, string? path)
    {
        _id = id;
        _file = file;
        _path = path;
    }

    private readonly H5Id _id;
    private readonly H5File? _file;
    private string? _path;

    /// <summary>The low-level id (h5py's <c>.id</c>); the subclasses expose it typed as <c>Id</c>.</summary>
    /// <exception cref="ObjectDisposedException">The object, or the file it lives in, was closed.</exception>
    public H5Id ObjectId => Open(_id);

    /// <summary>The id used as <c>loc_id</c> in calls relative to this object.</summary>
    internal H5Id LocationId => ObjectId;

    /// <summary>Returns <paramref name="id"/> (this object's id in its typed form) after checking that neither this
    /// object nor its file was closed: libhdf5 closes every object of a file with the file, and an id used after that
    /// must fail as a closed object, not as whatever libhdf5 says about an id it no longer knows.</summary>
    private protected T Open<T>(T id) where T : H5Id
    {
        if (id.IsClosed) throw new ObjectDisposedException(GetType().Name, $"{What} is closed.");
        if (_file is not null && _file.IsClosed)
            throw new ObjectDisposedException(GetType().Name, $"{What} cannot be used: its file '{_file.Filename}' was closed.");
        return id;
    }

    /// <summary>The absolute path this object was opened or created at, for messages and for exceptions that name an
    /// object. Known without asking libhdf5 (so building a message never clears libhdf5's error stack) except for
    /// objects reached by reference, whose path is asked once. Unlike <see cref="Name"/> it never throws.</summary>
    internal string Path => _path ??= ReadPathOnce();

    private string ReadPathOnce()
    {
        if (_id.IsClosed || (_file?.IsClosed ?? false)) return "?";
        using var scope = H5Library.Enter();
        var b = new BorrowedId((long)_id.DangerousGetHandle());
        unsafe
        {
            var n = (long)H5I.GetName(b, null, 0);
            if (n < 0)
            {
                H5ErrorStack.Capture(); // an id libhdf5 no longer knows: no path to report
                return "?";
            }
            return H5Call.ReadString((buf, size) => H5I.GetName(b, buf, size));
        }
    }

    /// <summary>The object in words for messages: "dataset '/g/ints'", "group '/g'", "the root group".</summary>
    internal virtual string What => $"object '{Path}'";

    /// <summary>The absolute path of <paramref name="path"/> taken relative to this object.</summary>
    internal string Resolve(string path)
    {
        if (path.StartsWith('/')) return path;
        var basePath = Path;
        if (path is "" or ".") return basePath;
        return H5Path.Join(basePath, path);
    }

    /// <summary>The file this object lives in.</summary>
    public H5File File => _file ?? (H5File)this;

    /// <summary>The path this object was opened by (<c>H5Iget_name</c>), "/" for the root.</summary>
    public unsafe string Name
    {
        get
        {
            using var scope = H5Library.Enter();
            return H5Call.ReadString((b, n) => H5I.GetName(ObjectId, b, n), "reading an object name");
        }
    }

    /// <summary>Which object this is (file number and address or token), its kind, hard-link count and attribute count
    /// (h5py: <c>h5o.get_info(obj.id)</c>). Two handles are the same object when their <see cref="H5ObjectInfo.IsSameObject"/>.</summary>
    public H5ObjectInfo Info
    {
        get
        {
            using var scope = H5Library.Enter();
            return H5ObjectInfo.Get(ObjectId, H5O.InfoBasic | H5O.InfoNumAttrs, "reading object info");
        }
    }

    /// <summary>The attributes of this object, with dictionary semantics (h5py's <c>.attrs</c>).</summary>
    public H5AttributeCollection Attrs => _attrs ??= new H5AttributeCollection(this);

    /// <summary>An object reference to this object (h5py's <c>.ref</c>), storable in datasets and attributes.</summary>
    public unsafe H5ObjectReference Reference
    {
        get
        {
            using var scope = H5Library.Enter();
            ulong r;
            H5Call.Check(H5R.Create(&r, ObjectId, ".", H5R.Type.Object, NoSpace), "creating an object reference");
            return new H5ObjectReference(r);
        }
    }

    // H5Rcreate wants -1 as the dataspace of an object reference.
    private static readonly BorrowedId NoSpace = new(-1);

    /// <summary>Opens the object a reference points to (h5py: <c>obj[ref]</c>); the reference must belong to this file.</summary>
    public unsafe H5Object Dereference(H5ObjectReference reference)
    {
        if (reference.IsNull) throw new ArgumentException("The reference is null (it points to no object).", nameof(reference));
        using var scope = H5Library.Enter();
        var r = reference.Value;
        var id = H5Call.Check(H5R.Dereference2(ObjectId, PropertyListId.Default, H5R.Type.Object, &r), $"dereferencing an object reference from {What}");
        return Wrap(id, File, null);
    }

    /// <summary>The path of the object a reference points to (<c>H5Rget_name</c>; h5py: <c>f[ref].name</c>).</summary>
    public unsafe string GetReferenceTargetName(H5ObjectReference reference)
    {
        if (reference.IsNull) throw new ArgumentException("The reference is null (it points to no object).", nameof(reference));
        using var scope = H5Library.Enter();
        var r = reference.Value;
        var address = (nint)(&r); // the lambda below cannot take the address of a local: pass it as a number
        return H5Call.ReadString((b, n) => H5R.GetName(ObjectId, H5R.Type.Object, (void*)address, b, n), "reading a reference's target name");
    }

    /// <summary>Whether the object is still open.</summary>
    public bool IsOpen => !_id.IsClosed && !(_file?.IsClosed ?? false) && _id.IsValid;

    /// <summary>Wraps a freshly opened object id in the high-level class of its kind; <paramref name="path"/> is where
    /// it was opened (null when reached by reference).</summary>
    internal static H5Object Wrap(long id, H5File file, string? path)
    {
        var kind = H5I.GetType(new BorrowedId(id));
        return kind switch
        {
            H5I.Type.Group => new H5Group(new GroupId(id), file, path),
            H5I.Type.Dataset => new H5Dataset(new DatasetId(id), file, path),
            H5I.Type.Datatype => new H5NamedDatatype(new DatatypeId(id), file, path),
            _ => CloseUnexpected(id, kind),
        };
    }

    private static H5Object CloseUnexpected(long id, H5I.Type kind)
    {
        H5O.Close(id);
        throw new H5Exception($"Unexpected object kind {kind}.");
    }

    /// <summary>Closes the object's id (idempotent).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Closes the id.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing) _id.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => _id.IsClosed || (_file?.IsClosed ?? false) ? $"<Closed {GetType().Name}>" : $"<{GetType().Name} \"{Path}\">";
}

/// <summary>A committed (named) datatype stored in a group.</summary>
public sealed class H5NamedDatatype : H5Object
{
    private readonly DatatypeId _id;

    internal H5NamedDatatype(DatatypeId id, H5File file, string? path) : base(id, file, path) => _id = id;

    /// <summary>The low-level id.</summary>
    public DatatypeId Id => Open(_id);

    internal override string What => $"named datatype '{Path}'";

    /// <summary>The datatype.</summary>
    public H5Datatype DType
    {
        get
        {
            using var scope = H5Library.Enter();
            return new H5Datatype(new DatatypeId(H5Call.Check(H5T.Copy(Id), "copying a datatype")));
        }
    }
}

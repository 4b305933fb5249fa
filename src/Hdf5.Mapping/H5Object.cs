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

    private protected H5Object(H5Id id, H5File? file)
    {
        ObjectId = id;
        _file = file;
    }

    private readonly H5File? _file;

    /// <summary>The low-level id (h5py's <c>.id</c>); the subclasses expose it typed as <c>Id</c>.</summary>
    public H5Id ObjectId { get; }

    /// <summary>The id used as <c>loc_id</c> in calls relative to this object.</summary>
    internal H5Id LocationId => ObjectId;

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
        var id = H5Call.Check(H5R.Dereference2(ObjectId, PropertyListId.Default, H5R.Type.Object, &r), "dereferencing an object reference");
        return Wrap(id, File);
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
    public bool IsOpen => !ObjectId.IsClosed && ObjectId.IsValid;

    /// <summary>Wraps a freshly opened object id in the high-level class of its kind.</summary>
    internal static H5Object Wrap(long id, H5File file)
    {
        var kind = H5I.GetType(new BorrowedId(id));
        return kind switch
        {
            H5I.Type.Group => new H5Group(new GroupId(id), file),
            H5I.Type.Dataset => new H5Dataset(new DatasetId(id), file),
            H5I.Type.Datatype => new H5NamedDatatype(new DatatypeId(id), file),
            _ => throw new H5Exception($"Unexpected object kind {kind}."),
        };
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
        if (disposing) ObjectId.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => ObjectId.IsClosed ? $"<Closed {GetType().Name}>" : $"<{GetType().Name} \"{Name}\">";
}

/// <summary>A committed (named) datatype stored in a group.</summary>
public sealed class H5NamedDatatype : H5Object
{
    internal H5NamedDatatype(DatatypeId id, H5File file) : base(id, file) => Id = id;

    /// <summary>The low-level id.</summary>
    public DatatypeId Id { get; }

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

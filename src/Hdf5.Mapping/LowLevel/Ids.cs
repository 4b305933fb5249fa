using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

// One sealed SafeHandle per kind of hid_t, each closed by its own C function.

/// <summary>A file id, closed with <c>H5Fclose</c>.</summary>
public sealed partial class FileId : H5Id
{
    /// <summary>Takes ownership of a raw file id.</summary>
    public FileId(long value, bool ownsHandle = true) : base(value, ownsHandle) { }
    private protected override int CloseNative(long id) => H5F.Close(id);
}

/// <summary>A group id, closed with <c>H5Gclose</c>.</summary>
public sealed partial class GroupId : H5Id
{
    /// <summary>Takes ownership of a raw group id.</summary>
    public GroupId(long value, bool ownsHandle = true) : base(value, ownsHandle) { }
    private protected override int CloseNative(long id) => H5G.Close(id);
}

/// <summary>A dataset id, closed with <c>H5Dclose</c>.</summary>
public sealed partial class DatasetId : H5Id
{
    /// <summary>Takes ownership of a raw dataset id.</summary>
    public DatasetId(long value, bool ownsHandle = true) : base(value, ownsHandle) { }
    private protected override int CloseNative(long id) => H5D.Close(id);
}

/// <summary>An attribute id, closed with <c>H5Aclose</c>.</summary>
public sealed partial class AttributeId : H5Id
{
    /// <summary>Takes ownership of a raw attribute id.</summary>
    public AttributeId(long value, bool ownsHandle = true) : base(value, ownsHandle) { }
    private protected override int CloseNative(long id) => H5A.Close(id);
}

/// <summary>A datatype id, closed with <c>H5Tclose</c>. Predefined types are wrapped without ownership.</summary>
public sealed partial class DatatypeId : H5Id
{
    /// <summary>Takes ownership of a raw datatype id.</summary>
    public DatatypeId(long value, bool ownsHandle = true) : base(value, ownsHandle) { }
    private protected override int CloseNative(long id) => H5T.Close(id);
}

/// <summary>A dataspace id, closed with <c>H5Sclose</c>.</summary>
public sealed partial class DataspaceId : H5Id
{
    /// <summary><c>H5S_ALL</c>.</summary>
    public static readonly DataspaceId All = new(H5S.All, ownsHandle: false);

    /// <summary>Takes ownership of a raw dataspace id.</summary>
    public DataspaceId(long value, bool ownsHandle = true) : base(value, ownsHandle) { }
    private protected override int CloseNative(long id) => H5S.Close(id);
}

/// <summary>A property list id, closed with <c>H5Pclose</c>.</summary>
public sealed partial class PropertyListId : H5Id
{
    /// <summary><c>H5P_DEFAULT</c>.</summary>
    public static readonly PropertyListId Default = new(H5P.Default, ownsHandle: false);

    /// <summary>Takes ownership of a raw property list id.</summary>
    public PropertyListId(long value, bool ownsHandle = true) : base(value, ownsHandle) { }
    private protected override int CloseNative(long id) => H5P.Close(id);
}

/// <summary>An id of an object whose kind is not known statically (from <c>H5Oopen</c>), closed with <c>H5Oclose</c>.</summary>
public sealed partial class ObjectId : H5Id
{
    /// <summary>Takes ownership of a raw object id.</summary>
    public ObjectId(long value, bool ownsHandle = true) : base(value, ownsHandle) { }
    private protected override int CloseNative(long id) => H5O.Close(id);
}

/// <summary>The error-stack id <c>H5E_DEFAULT</c> and other ids this library never closes.</summary>
public sealed class BorrowedId : H5Id
{
    /// <summary>Wraps a raw id without taking ownership.</summary>
    public BorrowedId(long value) : base(value, ownsHandle: false) { }
    private protected override int CloseNative(long id) => 0;
}

namespace Hdf5.Mapping;

/// <summary>How a file is opened; the names follow h5py's mode letters.</summary>
public enum H5FileMode
{
    /// <summary><c>"r"</c>: read only; the file must exist.</summary>
    ReadOnly,
    /// <summary><c>"r+"</c>: read/write; the file must exist.</summary>
    ReadWrite,
    /// <summary><c>"w"</c>: create, truncating an existing file.</summary>
    Create,
    /// <summary><c>"w-"</c> / <c>"x"</c>: create; fail if the file exists.</summary>
    CreateExclusive,
    /// <summary><c>"a"</c>: read/write if the file exists, create otherwise.</summary>
    Append,
}

/// <summary>What a link in a group points to.</summary>
public enum H5ObjectKind
{
    /// <summary>Nothing at that path.</summary>
    Missing,
    /// <summary>A group.</summary>
    Group,
    /// <summary>A dataset.</summary>
    Dataset,
    /// <summary>A committed (named) datatype.</summary>
    Datatype,
    /// <summary>A soft or external link whose target does not exist (h5py: <c>name in group</c> is true,
    /// <c>group.get(name)</c> is <c>None</c>, <c>group[name]</c> raises <c>KeyError</c>).</summary>
    DanglingLink,
}

/// <summary>The class of an HDF5 datatype (<c>H5T_class_t</c>, with the values of its binding <see cref="Native.H5T.Class"/>).</summary>
public enum H5TypeClass
{
    /// <summary>H5T_INTEGER</summary>
    Integer = (int)Native.H5T.Class.Integer,
    /// <summary>H5T_FLOAT</summary>
    Float = (int)Native.H5T.Class.Float,
    /// <summary>H5T_TIME</summary>
    Time = (int)Native.H5T.Class.Time,
    /// <summary>H5T_STRING</summary>
    String = (int)Native.H5T.Class.String,
    /// <summary>H5T_BITFIELD</summary>
    Bitfield = (int)Native.H5T.Class.Bitfield,
    /// <summary>H5T_OPAQUE</summary>
    Opaque = (int)Native.H5T.Class.Opaque,
    /// <summary>H5T_COMPOUND</summary>
    Compound = (int)Native.H5T.Class.Compound,
    /// <summary>H5T_REFERENCE</summary>
    Reference = (int)Native.H5T.Class.Reference,
    /// <summary>H5T_ENUM</summary>
    Enum = (int)Native.H5T.Class.Enum,
    /// <summary>H5T_VLEN</summary>
    VariableLength = (int)Native.H5T.Class.Vlen,
    /// <summary>H5T_ARRAY</summary>
    Array = (int)Native.H5T.Class.Array,
}

/// <summary>When libhdf5 writes the fill value into newly allocated storage (<c>H5D_fill_time_t</c>).</summary>
public enum H5FillTime
{
    /// <summary>H5D_FILL_TIME_ALLOC: always, when the storage is allocated (what h5py sets for chunked datasets).</summary>
    Alloc = 0,
    /// <summary>H5D_FILL_TIME_NEVER: never; unwritten elements hold whatever the file held.</summary>
    Never = 1,
    /// <summary>H5D_FILL_TIME_IFSET: only when a fill value was set (libhdf5's default).</summary>
    IfSet = 2,
}

/// <summary>Storage layout of a dataset (<c>H5D_layout_t</c>).</summary>
public enum H5Layout
{
    /// <summary>H5D_COMPACT: data stored in the object header (small data only, at most 64 KiB).</summary>
    Compact = 0,
    /// <summary>H5D_CONTIGUOUS: one block in the file (the default without chunks or filters).</summary>
    Contiguous = 1,
    /// <summary>H5D_CHUNKED: fixed-size chunks; required for filters and resizable dimensions.</summary>
    Chunked = 2,
    /// <summary>H5D_VIRTUAL: a virtual dataset mapping other datasets.</summary>
    Virtual = 3,
}

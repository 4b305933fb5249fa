using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping;

/// <summary>
/// What an HDF5 datatype is, as plain immutable data (h5py answers the same questions with <c>dtype</c> and the
/// <c>h5t.TypeID</c> classes; hdf5-rust calls this a <c>TypeDescriptor</c>). It is read once from a datatype id
/// and then needs no libhdf5 call; every part of this library that describes a type (the runtime's messages, the
/// schema validator, the scaffolder, the listing, <c>h5m</c>) reads this model, and <see cref="ToString"/> is the
/// one wording they all print. Match on the subclass: <see cref="H5IntegerType"/>, <see cref="H5FloatType"/>,
/// <see cref="H5StringType"/>, <see cref="H5EnumType"/>, <see cref="H5CompoundType"/>, <see cref="H5ArrayType"/>,
/// <see cref="H5SequenceType"/>, <see cref="H5OpaqueType"/>, <see cref="H5ReferenceType"/>,
/// <see cref="H5BitfieldType"/>, <see cref="H5TimeType"/>.
/// </summary>
public abstract class H5TypeDescriptor
{
    private protected H5TypeDescriptor(long size) => Size = size;

    /// <summary>The HDF5 class (h5py: <c>TypeID.get_class()</c>).</summary>
    public abstract H5TypeClass Class { get; }

    /// <summary>The size of one element in bytes (h5py: <c>dtype.itemsize</c>); for variable-length strings and
    /// sequences, the size of the in-memory handle libhdf5 uses.</summary>
    public long Size { get; }

    /// <summary>Whether elements hold variable-length data (strings or sequences) anywhere inside, which libhdf5
    /// allocates on read and which therefore cannot be read straight into a blittable struct.</summary>
    public virtual bool HasVariableLengthData => false;

    /// <summary>Describes the datatype of <paramref name="type"/>.</summary>
    public static H5TypeDescriptor Of(H5Datatype type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Description;
    }

    /// <summary>Describes the datatype behind a low-level id.</summary>
    public static H5TypeDescriptor Of(DatatypeId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return H5TypeReader.Read(id);
    }

    /// <summary>The type in this library's one wording: <c>int32</c>, <c>float64 (big-endian)</c>,
    /// <c>string (variable length, UTF-8)</c>, <c>compound {x: int32, y: float64}</c>, <c>array (2, 3) of float64</c>, ...</summary>
    public abstract override string ToString();
}

using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// An HDF5 datatype (h5py: <c>Dataset.dtype</c>, and <c>h5py.h5t.TypeID</c> at the low level). Creates the
/// types this library maps .NET types to, and describes stored types.
/// </summary>
public sealed class H5Datatype : IDisposable
{
    /// <summary>Wraps a datatype id.</summary>
    public H5Datatype(DatatypeId id) => Id = id;

    /// <summary>The low-level id.</summary>
    public DatatypeId Id { get; }

    /// <summary>The native memory type that <typeparamref name="T"/> is read and written as (a new copy the
    /// caller owns): primitives, <see cref="Half"/>, <see cref="bool"/> (h5py's enum), enums, registered or
    /// blittable structs (compound), <see cref="H5ObjectReference"/> and <see cref="H5RegionReference"/>.</summary>
    public static H5Datatype Native<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        return new H5Datatype(new DatatypeId(H5Call.Check(H5T.Copy(H5TypeMap.MemoryType<T>()), "copying a datatype")));
    }

    /// <summary>A variable-length string type (what h5py writes for <c>str</c>).</summary>
    public static H5Datatype VariableString(H5CharSet charSet = H5CharSet.Utf8)
    {
        using var scope = H5Library.Enter();
        return new H5Datatype(H5TypeMap.CreateVariableString((H5T.Cset)charSet));
    }

    /// <summary>A fixed-length string type of <paramref name="size"/> bytes (numpy <c>S</c>n in h5py).</summary>
    public static H5Datatype FixedString(int size, H5CharSet charSet = H5CharSet.Ascii, H5StringPadding padding = H5StringPadding.NullPad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        using var scope = H5Library.Enter();
        return new H5Datatype(H5TypeMap.CreateFixedString(size, (H5T.Cset)charSet, (H5T.Str)padding));
    }

    /// <summary>An HDF5 enum type with the names and values of <typeparamref name="TEnum"/>.</summary>
    public static H5Datatype Enum<TEnum>() where TEnum : unmanaged, Enum => Native<TEnum>();

    /// <summary>An HDF5 array type: each element is an array of <paramref name="dims"/> of <paramref name="element"/>.</summary>
    public static unsafe H5Datatype Array(H5Datatype element, params long[] dims)
    {
        ArgumentNullException.ThrowIfNull(element);
        var d = H5Shape.ToNative(dims, nameof(dims));
        using var scope = H5Library.Enter();
        fixed (ulong* p = d)
            return new H5Datatype(new DatatypeId(H5Call.Check(H5T.ArrayCreate2(element.Id, (uint)d.Length, p), "creating an array type")));
    }

    /// <summary>An empty compound type of <paramref name="size"/> bytes; add members with <see cref="Insert"/>.</summary>
    public static H5Datatype Compound(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        using var scope = H5Library.Enter();
        return new H5Datatype(new DatatypeId(H5Call.Check(H5T.Create(H5T.Class.Compound, (nuint)size), "creating a compound type")));
    }

    /// <summary>Adds a member to this compound type at a byte offset; returns this type for chaining.</summary>
    public H5Datatype Insert(string name, int offset, H5Datatype member)
    {
        ArgumentNullException.ThrowIfNull(member);
        using var scope = H5Library.Enter();
        H5Call.Check(H5T.Insert(Id, name, (nuint)offset, member.Id), $"adding member '{name}' to a compound type");
        _description = null;
        return this;
    }

    /// <summary>An opaque type of <paramref name="size"/> bytes with a tag saying what the bytes are (numpy <c>V</c>n in
    /// h5py; h5py's <c>opaque_dtype</c> writes tags such as <c>NUMPY:&lt;M8[ns]</c>).</summary>
    public static H5Datatype Opaque(int size, string tag = "")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentNullException.ThrowIfNull(tag);
        using var scope = H5Library.Enter();
        var id = new DatatypeId(H5Call.Check(H5T.Create(H5T.Class.Opaque, (nuint)size), "creating an opaque type"));
        if (tag.Length > 0) H5Call.Check(H5T.SetTag(id, tag), $"tagging an opaque type '{tag}'");
        return new H5Datatype(id);
    }

    /// <summary>A variable-length sequence type of <paramref name="element"/> (h5py: <c>vlen_dtype(element)</c>).</summary>
    public static H5Datatype Sequence(H5Datatype element)
    {
        ArgumentNullException.ThrowIfNull(element);
        using var scope = H5Library.Enter();
        return new H5Datatype(new DatatypeId(H5Call.Check(H5T.VlenCreate(element.Id), "creating a variable-length sequence type")));
    }

    /// <summary>A variable-length sequence type of <typeparamref name="T"/> (h5py: <c>vlen_dtype(numpy.dtype(T))</c>).</summary>
    public static H5Datatype Sequence<T>() where T : unmanaged
    {
        using var element = Native<T>();
        return Sequence(element);
    }

    /// <summary>An HDF5 array type of <typeparamref name="T"/> elements (numpy's subarray dtype <c>(T, dims)</c>).</summary>
    public static H5Datatype Array<T>(params long[] dims) where T : unmanaged
    {
        using var element = Native<T>();
        return Array(element, dims);
    }

    /// <summary>A copy of this number or enum type in byte order <paramref name="order"/> (numpy's <c>&gt;i4</c> is
    /// <c>H5Datatype.Native&lt;int&gt;().WithByteOrder(H5ByteOrder.BigEndian)</c>); libhdf5 converts on read and write.</summary>
    /// <exception cref="InvalidOperationException">The type is not an integer, float, bitfield or enum type.</exception>
    public unsafe H5Datatype WithByteOrder(H5ByteOrder order)
    {
        using var scope = H5Library.Enter();
        switch (Description)
        {
            case H5IntegerType or H5FloatType or H5BitfieldType:
                var copy = Id.CopyType();
                H5Call.Check(H5T.SetOrder(copy, (H5T.Order)order), $"setting the byte order of {this}");
                return new H5Datatype(copy);
            case H5EnumType e:
                // libhdf5 fixes an enum's byte order with its first member: build it again on a reordered base.
                using (var super = Id.GetSuper())
                using (var reordered = new H5Datatype(super).WithByteOrder(order))
                {
                    var id = new DatatypeId(H5Call.Check(H5T.EnumCreate(reordered.Id), $"creating an enum type of {reordered}"));
                    var size = (int)e.Size;
                    Span<byte> raw = stackalloc byte[16];
                    foreach (var m in e.Members)
                    {
                        System.Buffers.Binary.BinaryPrimitives.WriteInt128LittleEndian(raw, m.Value);
                        if (order == H5ByteOrder.BigEndian) raw[..size].Reverse();
                        fixed (byte* p = raw) H5Call.Check(H5T.EnumInsert(id, m.Name, p), $"adding enum member {m.Name}");
                    }
                    return new H5Datatype(id);
                }
            default:
                throw NotA("a number or enum type, whose byte order can be chosen");
        }
    }

    /// <summary>What this type is, as immutable data read once (see <see cref="H5TypeDescriptor"/>).</summary>
    public H5TypeDescriptor Description => _description ??= H5TypeReader.Read(Id);

    private H5TypeDescriptor? _description;

    /// <summary>The class (integer, float, string, compound, ...; h5py: <c>get_class()</c>).</summary>
    public H5TypeClass Class => Description.Class;

    /// <summary>Size of one element in bytes (h5py: <c>dtype.itemsize</c>; for variable-length strings, the size of a pointer).</summary>
    public long Size => Description.Size;

    /// <summary>The byte order of an integer, float, bitfield or time type (h5py: <c>get_order()</c>, numpy's
    /// <c>dtype.byteorder</c>); for an enum, that of its base; null for other classes.</summary>
    public H5ByteOrder? ByteOrder => Description switch
    {
        H5IntegerType i => i.ByteOrder,
        H5FloatType f => f.ByteOrder,
        H5BitfieldType b => b.ByteOrder,
        H5TimeType t => t.ByteOrder,
        H5EnumType e => e.BaseType.ByteOrder,
        _ => null,
    };

    /// <summary>Whether an integer type (or an enum's base) is signed (h5py: <c>get_sign()</c>); null for other classes.</summary>
    public bool? IsSigned => Description switch
    {
        H5IntegerType i => i.IsSigned,
        H5EnumType e => e.BaseType.IsSigned,
        _ => null,
    };

    /// <summary>The number of significant bits of a number type (h5py: <c>get_precision()</c>); null for other classes.</summary>
    public int? Precision => Description switch
    {
        H5IntegerType i => i.Precision,
        H5FloatType f => f.Precision,
        H5BitfieldType b => b.Precision,
        _ => null,
    };

    /// <summary>The bit offset of the significant bits of a number type (h5py: <c>get_offset()</c>); null for other classes.</summary>
    public int? BitOffset => Description switch
    {
        H5IntegerType i => i.BitOffset,
        H5FloatType f => f.BitOffset,
        H5BitfieldType b => b.BitOffset,
        _ => null,
    };

    /// <summary>The sign, exponent and mantissa layout of a floating-point type (h5py: <c>get_fields()</c>,
    /// <c>get_ebias()</c>, <c>get_norm()</c>); null for other classes.</summary>
    public H5FloatLayout? FloatLayout => (Description as H5FloatType)?.Layout;

    /// <summary>Whether this is a variable-length string type.</summary>
    public bool IsVariableString => Description is H5StringType { IsVariableLength: true };

    /// <summary>The length in bytes of a fixed-length string type; null for variable-length strings and other classes.</summary>
    public long? StringLength => (Description as H5StringType)?.Length;

    /// <summary>The character set of a string type (h5py: <c>get_cset()</c>).</summary>
    /// <exception cref="InvalidOperationException">This is not a string type.</exception>
    public H5CharSet CharSet => (Description as H5StringType ?? throw NotA("a string type")).CharSet;

    /// <summary>The padding of a string type (h5py: <c>get_strpad()</c>).</summary>
    /// <exception cref="InvalidOperationException">This is not a string type.</exception>
    public H5StringPadding Padding => (Description as H5StringType ?? throw NotA("a string type")).Padding;

    /// <summary>The members of a compound type: name, byte offset and type (h5py: <c>dtype.fields</c>).</summary>
    /// <exception cref="InvalidOperationException">This is not a compound type.</exception>
    public IReadOnlyList<H5CompoundMember> CompoundMembers => (Description as H5CompoundType ?? throw NotA("a compound type")).Members;

    /// <summary>The members of an enum type with their values, correct for big-endian and unsigned 64-bit bases
    /// (h5py: <c>check_enum_dtype(dtype)</c>).</summary>
    /// <exception cref="InvalidOperationException">This is not an enum type.</exception>
    public IReadOnlyList<H5EnumMember> EnumMembers => (Description as H5EnumType ?? throw NotA("an enum type")).Members;

    /// <summary>The dimensions of each element of an array type (h5py: <c>dtype.subdtype[1]</c>); null for other classes.</summary>
    public long[]? ArrayDims => (Description as H5ArrayType)?.Dims.ToArray();

    /// <summary>The tag of an opaque type (h5py: <c>get_tag()</c>); null for other classes.</summary>
    public string? OpaqueTag => (Description as H5OpaqueType)?.Tag;

    /// <summary>What a reference type points at; null for other classes.</summary>
    public H5ReferenceKind? ReferenceKind => (Description as H5ReferenceType)?.Kind;

    /// <summary>The base type of an enum, array or variable-length sequence type (h5py: <c>get_super()</c>); dispose it.</summary>
    public H5Datatype BaseType => new(Id.GetSuper());

    /// <summary>The type of compound member <paramref name="index"/> (h5py: <c>get_member_type(i)</c>); dispose it.</summary>
    public H5Datatype MemberType(int index) => new(Id.GetMemberType(index));

    private InvalidOperationException NotA(string what) => new($"{this} is not {what}.");

    /// <summary>Whether the two types are the same HDF5 type (<c>H5Tequal</c>).</summary>
    public bool IsSameAs(H5Datatype other)
    {
        using var scope = H5Library.Enter();
        return H5Call.CheckBool(H5T.Equal(Id, other.Id));
    }

    /// <summary>Stores this type in the file as a named datatype (h5py: <c>group["name"] = numpy.dtype</c>).</summary>
    public void Commit(H5Group group, string name)
    {
        ArgumentNullException.ThrowIfNull(group);
        using var scope = H5Library.Enter();
        group.File.RefuseUnderSwmr($"commit datatype '{name}' in {group.Describe()}");
        H5Call.Check(H5T.Commit2(group.LocationId, name, Id, H5Links.CreatePropertiesFor(name), PropertyListId.Default, PropertyListId.Default), $"committing datatype '{name}'");
    }

    /// <summary>The type in this library's one wording (<see cref="H5TypeDescriptor.ToString"/>): <c>float64</c>,
    /// <c>int32 (big-endian)</c>, <c>string (variable length, UTF-8)</c>, <c>compound {x: int32, y: float64}</c>, ...</summary>
    public override string ToString() => Description.ToString();

    /// <inheritdoc/>
    public void Dispose() => Id.Dispose();
}

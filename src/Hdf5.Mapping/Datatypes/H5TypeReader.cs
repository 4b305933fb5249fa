using System.Buffers.Binary;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>Builds the <see cref="H5TypeDescriptor"/> of a datatype id: the only code that asks libhdf5 what a type
/// is, through the checked queries of <see cref="DatatypeId"/>.</summary>
internal static class H5TypeReader
{
    public static H5TypeDescriptor Read(DatatypeId id)
    {
        using var scope = H5Library.Enter();
        return id.GetClass() switch
        {
            H5T.Class.Integer => Integer(id),
            H5T.Class.Float => Float(id),
            H5T.Class.String => new H5StringType(id.GetSize(), id.IsVariableString(), (H5CharSet)id.GetCharSet(), (H5StringPadding)id.GetStringPadding()),
            H5T.Class.Bitfield => new H5BitfieldType(id.GetSize(), (H5ByteOrder)id.GetOrder(), id.GetPrecision(), id.GetOffset()),
            H5T.Class.Time => new H5TimeType(id.GetSize(), (H5ByteOrder)id.GetOrder()),
            H5T.Class.Opaque => new H5OpaqueType(id.GetSize(), id.GetTag()),
            H5T.Class.Reference => Reference(id.GetSize()),
            H5T.Class.Enum => Enum(id),
            H5T.Class.Compound => Compound(id),
            H5T.Class.Array => Array(id),
            H5T.Class.Vlen => Sequence(id),
            var other => throw new H5TypeMismatchException($"libhdf5 reports a datatype of unknown class {other}."),
        };
    }

    private static H5IntegerType Integer(DatatypeId id) =>
        new(id.GetSize(), (H5ByteOrder)id.GetOrder(), id.GetSign() == H5T.Sign.TwosComplement, id.GetPrecision(), id.GetOffset());

    private static H5FloatType Float(DatatypeId id)
    {
        var f = id.GetFields();
        var layout = new H5FloatLayout(f.SignPosition, f.ExponentPosition, f.ExponentSize, f.MantissaPosition, f.MantissaSize,
            id.GetExponentBias(), (H5FloatNormalization)id.GetNorm());
        return new H5FloatType(id.GetSize(), (H5ByteOrder)id.GetOrder(), layout, id.GetPrecision(), id.GetOffset());
    }

    // hobj_ref_t is 8 bytes and hdset_reg_ref_t 12 in every libhdf5; 1.12's H5R_ref_t is larger still.
    private static H5ReferenceType Reference(long size) => new(size, size switch
    {
        8 => H5ReferenceKind.Object,
        12 => H5ReferenceKind.DatasetRegion,
        _ => H5ReferenceKind.Standard,
    });

    private static H5EnumType Enum(DatatypeId id)
    {
        using var super = id.GetSuper();
        var baseType = Integer(super);
        var n = id.GetMemberCount();
        var members = new H5EnumMember[n];
        Span<byte> raw = stackalloc byte[(int)Math.Max(16, baseType.Size)];
        for (int i = 0; i < n; i++)
        {
            raw.Clear();
            id.GetMemberValue(i, raw);
            members[i] = new H5EnumMember(id.GetMemberName(i), DecodeInteger(raw[..(int)baseType.Size], baseType));
        }
        return new H5EnumType(baseType, members);
    }

    /// <summary>The value of an integer stored in <paramref name="raw"/> in the order and signedness of <paramref name="type"/>
    /// (libhdf5 hands enum values over in the base type's byte order, which may be big-endian).</summary>
    public static Int128 DecodeInteger(ReadOnlySpan<byte> raw, H5IntegerType type)
    {
        if (raw.Length > 16) throw new H5TypeMismatchException($"Integers of {raw.Length} bytes are not supported (at most 16).");
        Span<byte> le = stackalloc byte[16];
        var negative = type.IsSigned && (type.ByteOrder == H5ByteOrder.BigEndian ? raw[0] : raw[^1]) >= 0x80;
        le.Fill(negative ? (byte)0xFF : (byte)0);
        raw.CopyTo(le);
        if (type.ByteOrder == H5ByteOrder.BigEndian) le[..raw.Length].Reverse();
        return BinaryPrimitives.ReadInt128LittleEndian(le);
    }

    private static H5CompoundType Compound(DatatypeId id)
    {
        var n = id.GetMemberCount();
        var members = new H5CompoundMember[n];
        for (int i = 0; i < n; i++)
        {
            using var memberType = id.GetMemberType(i);
            members[i] = new H5CompoundMember(id.GetMemberName(i), id.GetMemberOffset(i), Read(memberType));
        }
        return new H5CompoundType(id.GetSize(), members);
    }

    private static H5ArrayType Array(DatatypeId id)
    {
        using var super = id.GetSuper();
        return new H5ArrayType(id.GetArrayDims(), Read(super));
    }

    private static H5SequenceType Sequence(DatatypeId id)
    {
        using var super = id.GetSuper();
        return new H5SequenceType(id.GetSize(), Read(super));
    }
}

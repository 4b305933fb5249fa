namespace Hdf5.Mapping;

/// <summary>The byte order of an atomic datatype (<c>H5T_order_t</c>; numpy's <c>&lt;</c> and <c>&gt;</c>).</summary>
public enum H5ByteOrder
{
    /// <summary>H5T_ORDER_LE (numpy <c>&lt;</c>)</summary>
    LittleEndian = 0,
    /// <summary>H5T_ORDER_BE (numpy <c>&gt;</c>)</summary>
    BigEndian = 1,
    /// <summary>H5T_ORDER_VAX</summary>
    Vax = 2,
    /// <summary>H5T_ORDER_MIXED (compounds whose members differ)</summary>
    Mixed = 3,
    /// <summary>H5T_ORDER_NONE (one-byte types, strings, opaque)</summary>
    None = 4,
}

/// <summary>What a reference type points at.</summary>
public enum H5ReferenceKind
{
    /// <summary>An object (<c>H5T_STD_REF_OBJ</c>, h5py's <c>ref_dtype</c>).</summary>
    Object,
    /// <summary>A region of a dataset (<c>H5T_STD_REF_DSETREG</c>, h5py's <c>regionref_dtype</c>).</summary>
    DatasetRegion,
    /// <summary>libhdf5 1.12's opaque reference (<c>H5T_STD_REF</c>), to an object, a region or an attribute.</summary>
    Standard,
}

/// <summary>How the mantissa of a floating-point type is normalized (<c>H5T_norm_t</c>).</summary>
public enum H5FloatNormalization
{
    /// <summary>H5T_NORM_IMPLIED: the leading 1 is not stored (IEEE 754).</summary>
    Implied = 0,
    /// <summary>H5T_NORM_MSBSET: the leading 1 is stored.</summary>
    MsbSet = 1,
    /// <summary>H5T_NORM_NONE</summary>
    None = 2,
}

/// <summary>The bit layout of a floating-point type (<c>H5Tget_fields</c>, <c>H5Tget_ebias</c>, <c>H5Tget_norm</c>);
/// positions count bits from the least significant bit of the element.</summary>
/// <param name="SignPosition">Position of the sign bit.</param>
/// <param name="ExponentPosition">Position of the exponent's lowest bit.</param>
/// <param name="ExponentSize">Bits in the exponent.</param>
/// <param name="MantissaPosition">Position of the mantissa's lowest bit.</param>
/// <param name="MantissaSize">Bits in the mantissa.</param>
/// <param name="ExponentBias">The exponent bias.</param>
/// <param name="Normalization">How the mantissa is normalized.</param>
public readonly record struct H5FloatLayout(int SignPosition, int ExponentPosition, int ExponentSize, int MantissaPosition, int MantissaSize,
    long ExponentBias, H5FloatNormalization Normalization)
{
    /// <summary>IEEE 754 binary16 (numpy's float16; h5py builds it from <c>H5T_IEEE_F32LE</c>).</summary>
    public static H5FloatLayout Binary16 { get; } = new(15, 10, 5, 0, 10, 15, H5FloatNormalization.Implied);

    /// <summary>IEEE 754 binary32.</summary>
    public static H5FloatLayout Binary32 { get; } = new(31, 23, 8, 0, 23, 127, H5FloatNormalization.Implied);

    /// <summary>IEEE 754 binary64.</summary>
    public static H5FloatLayout Binary64 { get; } = new(63, 52, 11, 0, 52, 1023, H5FloatNormalization.Implied);
}

/// <summary>An integer type (<c>H5T_INTEGER</c>; numpy <c>int8</c> … <c>uint64</c>).</summary>
public sealed class H5IntegerType : H5TypeDescriptor
{
    /// <summary>Describes an integer type.</summary>
    public H5IntegerType(long size, H5ByteOrder byteOrder, bool isSigned, int precision = 0, int bitOffset = 0) : base(size)
    {
        ByteOrder = byteOrder;
        IsSigned = isSigned;
        Precision = precision == 0 ? (int)(size * 8) : precision;
        BitOffset = bitOffset;
    }

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.Integer;

    /// <summary>The byte order (h5py: <c>get_order()</c>).</summary>
    public H5ByteOrder ByteOrder { get; }

    /// <summary>Whether the type is two's-complement signed (h5py: <c>get_sign()</c>).</summary>
    public bool IsSigned { get; }

    /// <summary>The number of significant bits (h5py: <c>get_precision()</c>); the size in bits for ordinary integers.</summary>
    public int Precision { get; }

    /// <summary>The bit offset of the significant bits (h5py: <c>get_offset()</c>); 0 for ordinary integers.</summary>
    public int BitOffset { get; }

    /// <inheritdoc/>
    public override string ToString() => H5TypeWording.Integer(IsSigned, Size, ByteOrder, Precision, BitOffset);
}

/// <summary>A floating-point type (<c>H5T_FLOAT</c>; numpy <c>float16</c>, <c>float32</c>, <c>float64</c>).</summary>
public sealed class H5FloatType : H5TypeDescriptor
{
    /// <summary>Describes a floating-point type.</summary>
    public H5FloatType(long size, H5ByteOrder byteOrder, H5FloatLayout layout, int precision = 0, int bitOffset = 0) : base(size)
    {
        ByteOrder = byteOrder;
        Layout = layout;
        Precision = precision == 0 ? (int)(size * 8) : precision;
        BitOffset = bitOffset;
    }

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.Float;

    /// <summary>The byte order.</summary>
    public H5ByteOrder ByteOrder { get; }

    /// <summary>The bit layout of sign, exponent and mantissa (h5py: <c>get_fields()</c>, <c>get_ebias()</c>, <c>get_norm()</c>).</summary>
    public H5FloatLayout Layout { get; }

    /// <summary>The number of significant bits.</summary>
    public int Precision { get; }

    /// <summary>The bit offset of the significant bits.</summary>
    public int BitOffset { get; }

    /// <summary>Whether this is an IEEE 754 binary16, binary32 or binary64 type (in either byte order), which .NET's
    /// <see cref="Half"/>, <see cref="float"/> and <see cref="double"/> hold exactly.</summary>
    public bool IsIeee => BitOffset == 0 && Precision == Size * 8 && Layout == Size switch
    {
        2 => H5FloatLayout.Binary16,
        4 => H5FloatLayout.Binary32,
        8 => H5FloatLayout.Binary64,
        _ => default(H5FloatLayout?),
    };

    /// <inheritdoc/>
    public override string ToString() => IsIeee ? H5TypeWording.Float(Size, ByteOrder) : H5TypeWording.CustomFloat(Size, ByteOrder, Layout);
}

/// <summary>A bitfield type (<c>H5T_BITFIELD</c>).</summary>
public sealed class H5BitfieldType : H5TypeDescriptor
{
    /// <summary>Describes a bitfield type.</summary>
    public H5BitfieldType(long size, H5ByteOrder byteOrder, int precision = 0, int bitOffset = 0) : base(size)
    {
        ByteOrder = byteOrder;
        Precision = precision == 0 ? (int)(size * 8) : precision;
        BitOffset = bitOffset;
    }

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.Bitfield;

    /// <summary>The byte order.</summary>
    public H5ByteOrder ByteOrder { get; }

    /// <summary>The number of significant bits.</summary>
    public int Precision { get; }

    /// <summary>The bit offset of the significant bits.</summary>
    public int BitOffset { get; }

    /// <inheritdoc/>
    public override string ToString() => H5TypeWording.Bitfield(Size, ByteOrder);
}

/// <summary>A time type (<c>H5T_TIME</c>; libhdf5 does not convert these, and h5py cannot read them).</summary>
public sealed class H5TimeType : H5TypeDescriptor
{
    /// <summary>Describes a time type.</summary>
    public H5TimeType(long size, H5ByteOrder byteOrder) : base(size) => ByteOrder = byteOrder;

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.Time;

    /// <summary>The byte order.</summary>
    public H5ByteOrder ByteOrder { get; }

    /// <inheritdoc/>
    public override string ToString() => H5TypeWording.Time(Size);
}

/// <summary>A string type (<c>H5T_STRING</c>): variable length (h5py's <c>str</c>) or fixed length (numpy <c>S</c>n).</summary>
public sealed class H5StringType : H5TypeDescriptor
{
    /// <summary>Describes a string type.</summary>
    public H5StringType(long size, bool isVariableLength, H5CharSet charSet, H5StringPadding padding) : base(size)
    {
        IsVariableLength = isVariableLength;
        CharSet = charSet;
        Padding = padding;
    }

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.String;

    /// <summary>Whether strings have variable length (h5py: <c>string_dtype()</c> with <c>length=None</c>).</summary>
    public bool IsVariableLength { get; }

    /// <summary>The length of a fixed-length string in bytes; null for variable-length strings.</summary>
    public long? Length => IsVariableLength ? null : Size;

    /// <summary>The character set (h5py: <c>get_cset()</c>; <c>string_dtype(encoding=)</c>).</summary>
    public H5CharSet CharSet { get; }

    /// <summary>The padding of fixed-length strings (h5py: <c>get_strpad()</c>).</summary>
    public H5StringPadding Padding { get; }

    /// <inheritdoc/>
    public override bool HasVariableLengthData => IsVariableLength;

    /// <inheritdoc/>
    public override string ToString() => H5TypeWording.String(IsVariableLength, Size, CharSet, Padding);
}

/// <summary>A reference type (<c>H5T_REFERENCE</c>).</summary>
public sealed class H5ReferenceType : H5TypeDescriptor
{
    /// <summary>Describes a reference type.</summary>
    public H5ReferenceType(long size, H5ReferenceKind kind) : base(size) => Kind = kind;

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.Reference;

    /// <summary>What the references point at.</summary>
    public H5ReferenceKind Kind { get; }

    /// <inheritdoc/>
    public override string ToString() => H5TypeWording.Reference(Kind);
}

/// <summary>An opaque type (<c>H5T_OPAQUE</c>): bytes libhdf5 does not interpret, with a tag saying what they are
/// (h5py: numpy <c>V</c>n, or <c>opaque_dtype</c>, whose tag is <c>NUMPY:</c> and the numpy type).</summary>
public sealed class H5OpaqueType : H5TypeDescriptor
{
    /// <summary>Describes an opaque type.</summary>
    public H5OpaqueType(long size, string tag) : base(size) => Tag = tag ?? "";

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.Opaque;

    /// <summary>The tag (h5py: <c>get_tag()</c>); empty when there is none.</summary>
    public string Tag { get; }

    /// <inheritdoc/>
    public override string ToString() => H5TypeWording.Opaque(Size, Tag);
}

using System.Globalization;

namespace Hdf5.Mapping;

/// <summary>One member of an enum type: its name and its value, exact for any base integer type up to 64 bits
/// (signed or not, in either byte order).</summary>
/// <param name="Name">The member name (libhdf5 converts enums by name).</param>
/// <param name="Value">The member value.</param>
public readonly record struct H5EnumMember(string Name, Int128 Value);

/// <summary>An enum type (<c>H5T_ENUM</c>; h5py: <c>enum_dtype</c>, and numpy <c>bool</c> as <c>{FALSE = 0, TRUE = 1}</c>).</summary>
public sealed class H5EnumType : H5TypeDescriptor
{
    /// <summary>Describes an enum type.</summary>
    public H5EnumType(H5IntegerType baseType, IReadOnlyList<H5EnumMember> members) : base(baseType.Size)
    {
        BaseType = baseType;
        Members = members;
    }

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.Enum;

    /// <summary>The integer type the values are stored as (h5py: <c>get_super()</c>).</summary>
    public H5IntegerType BaseType { get; }

    /// <summary>The members, in their stored order (h5py: <c>get_member_name(i)</c>, <c>get_member_value(i)</c>).</summary>
    public IReadOnlyList<H5EnumMember> Members { get; }

    /// <summary>Whether this is h5py's encoding of numpy <c>bool</c>: an 8-bit enum of exactly <c>FALSE = 0</c>, <c>TRUE = 1</c>.</summary>
    public bool IsBoolean => Size == 1 && Members.Count == 2
        && Members.Any(m => m is { Name: "FALSE", Value: var f } && f == 0)
        && Members.Any(m => m is { Name: "TRUE", Value: var t } && t == 1);

    /// <summary>The name of the member with <paramref name="value"/>, or null when no member has it.</summary>
    public string? NameOf(Int128 value)
    {
        foreach (var m in Members)
            if (m.Value == value) return m.Name;
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => IsBoolean
        ? H5TypeWording.Boolean
        : H5TypeWording.Enum(BaseType.ToString(), Size, Members.Select(m => (m.Name, (string?)m.Value.ToString(CultureInfo.InvariantCulture))));
}

/// <summary>One member of a compound type.</summary>
/// <param name="Name">The member name (libhdf5 and h5py match members by name).</param>
/// <param name="Offset">The byte offset in an element.</param>
/// <param name="Type">The member's type.</param>
public sealed record H5CompoundMember(string Name, long Offset, H5TypeDescriptor Type);

/// <summary>A compound type (<c>H5T_COMPOUND</c>; numpy structured dtypes, and h5py's complex numbers as <c>{r, i}</c>).</summary>
public sealed class H5CompoundType : H5TypeDescriptor
{
    /// <summary>Describes a compound type.</summary>
    public H5CompoundType(long size, IReadOnlyList<H5CompoundMember> members) : base(size) => Members = members;

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.Compound;

    /// <summary>The members in their stored order (h5py: <c>dtype.names</c>, <c>dtype.fields</c>).</summary>
    public IReadOnlyList<H5CompoundMember> Members { get; }

    /// <summary>The member named <paramref name="name"/>, or null.</summary>
    public H5CompoundMember? Member(string name)
    {
        foreach (var m in Members)
            if (m.Name == name) return m;
        return null;
    }

    /// <summary>Whether this is how h5py stores a complex number: members <c>r</c> and <c>i</c> of one IEEE float type,
    /// the real part first (numpy <c>complex64</c>/<c>complex128</c>).</summary>
    public bool IsComplex => Members.Count == 2 && Members[0] is { Name: "r", Offset: 0, Type: H5FloatType { IsIeee: true } re }
        && Members[1] is { Name: "i", Type: H5FloatType { IsIeee: true } im } && re.Size == im.Size && Members[1].Offset == re.Size
        && Size == 2 * re.Size;

    /// <inheritdoc/>
    public override bool HasVariableLengthData => Members.Any(m => m.Type.HasVariableLengthData);

    /// <inheritdoc/>
    public override string ToString() => H5TypeWording.Compound(Size, Members.Select(m => (m.Name, m.Type.ToString())));
}

/// <summary>An array type (<c>H5T_ARRAY</c>): each element is a fixed-shape array of the base type (numpy subarray
/// dtypes such as <c>('f8', (2, 3))</c>; h5py adds these dimensions to the dataset's shape when it reads).</summary>
public sealed class H5ArrayType : H5TypeDescriptor
{
    /// <summary>Describes an array type.</summary>
    public H5ArrayType(IReadOnlyList<long> dims, H5TypeDescriptor baseType) : base(baseType.Size * Product(dims))
    {
        Dims = dims;
        BaseType = baseType;
    }

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.Array;

    /// <summary>The dimensions of each element (h5py: <c>dtype.subdtype[1]</c>, <c>get_array_dims()</c>).</summary>
    public IReadOnlyList<long> Dims { get; }

    /// <summary>The element type of the arrays (h5py: <c>dtype.subdtype[0]</c>, <c>get_super()</c>).</summary>
    public H5TypeDescriptor BaseType { get; }

    /// <summary>The number of base elements in one array element.</summary>
    public long ElementCount => Product(Dims);

    /// <inheritdoc/>
    public override bool HasVariableLengthData => BaseType.HasVariableLengthData;

    /// <inheritdoc/>
    public override string ToString() => H5TypeWording.Array(Dims, BaseType.ToString());

    private static long Product(IReadOnlyList<long> dims)
    {
        long n = 1;
        foreach (var d in dims) n = checked(n * d);
        return n;
    }
}

/// <summary>A variable-length sequence type (<c>H5T_VLEN</c>; h5py: <c>vlen_dtype</c>): each element is a sequence of
/// any length of the base type (ragged arrays; <c>DIMENSION_LIST</c> holds sequences of object references).</summary>
public sealed class H5SequenceType : H5TypeDescriptor
{
    /// <summary>Describes a variable-length sequence type; <paramref name="size"/> is the size of libhdf5's handle (<c>hvl_t</c>).</summary>
    public H5SequenceType(long size, H5TypeDescriptor baseType) : base(size) => BaseType = baseType;

    /// <inheritdoc/>
    public override H5TypeClass Class => H5TypeClass.VariableLength;

    /// <summary>The type of the sequences' elements (h5py: <c>check_vlen_dtype(dtype)</c>).</summary>
    public H5TypeDescriptor BaseType { get; }

    /// <inheritdoc/>
    public override bool HasVariableLengthData => true;

    /// <inheritdoc/>
    public override string ToString() => H5TypeWording.Sequence(BaseType.ToString());
}

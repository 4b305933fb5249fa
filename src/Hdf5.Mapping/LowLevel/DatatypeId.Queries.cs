using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

// Checked queries on a datatype id, as h5py's TypeID methods (get_class, get_size, get_order, ...). libhdf5 reports
// failure of these calls in several ways (0 from H5Tget_size, -1 from H5Tget_strpad, NULL from H5Tget_member_name):
// each query here turns its failure into an exception, so no caller can mistake an error value for an answer.
public sealed partial class DatatypeId
{
    /// <summary>The class (<c>H5Tget_class</c>).</summary>
    public H5T.Class GetClass()
    {
        using var scope = H5Library.Enter();
        var c = H5T.GetClass(this);
        if (c == H5T.Class.NoClass) H5Call.Throw("reading the class of a datatype");
        return c;
    }

    /// <summary>The size of one element in bytes (<c>H5Tget_size</c>).</summary>
    public long GetSize()
    {
        using var scope = H5Library.Enter();
        var size = H5T.GetSize(this);
        if (size == 0) H5Call.Throw("reading the size of a datatype");
        return (long)size;
    }

    /// <summary>The byte order of an atomic type (<c>H5Tget_order</c>).</summary>
    public H5T.Order GetOrder()
    {
        using var scope = H5Library.Enter();
        var order = H5T.GetOrder(this);
        if (order == H5T.Order.Error) H5Call.Throw("reading the byte order of a datatype");
        return order;
    }

    /// <summary>The sign convention of an integer type (<c>H5Tget_sign</c>).</summary>
    public H5T.Sign GetSign()
    {
        using var scope = H5Library.Enter();
        var sign = (int)H5T.GetSign(this);
        if (sign < 0) H5Call.Throw("reading the sign of an integer type");
        return (H5T.Sign)sign;
    }

    /// <summary>The number of significant bits (<c>H5Tget_precision</c>).</summary>
    public int GetPrecision()
    {
        using var scope = H5Library.Enter();
        var p = H5T.GetPrecision(this);
        if (p == 0) H5Call.Throw("reading the precision of a datatype");
        return (int)p;
    }

    /// <summary>The bit offset of the significant bits (<c>H5Tget_offset</c>).</summary>
    public int GetOffset()
    {
        using var scope = H5Library.Enter();
        return H5Call.Check(H5T.GetOffset(this), "reading the bit offset of a datatype");
    }

    /// <summary>The bit positions and sizes of a floating-point type's fields (<c>H5Tget_fields</c>).</summary>
    public unsafe (int SignPosition, int ExponentPosition, int ExponentSize, int MantissaPosition, int MantissaSize) GetFields()
    {
        using var scope = H5Library.Enter();
        nuint spos, epos, esize, mpos, msize;
        H5Call.Check(H5T.GetFields(this, &spos, &epos, &esize, &mpos, &msize), "reading the fields of a floating-point type");
        return ((int)spos, (int)epos, (int)esize, (int)mpos, (int)msize);
    }

    /// <summary>The exponent bias of a floating-point type (<c>H5Tget_ebias</c>).</summary>
    public long GetExponentBias()
    {
        using var scope = H5Library.Enter();
        var bias = H5T.GetEbias(this);
        // 0 is both a (rare) valid bias and the failure value: the error stack tells them apart.
        if (bias == 0 && H5ErrorStack.Capture() is { Count: > 0 } stack) throw H5ErrorTable.Create(stack, "reading the exponent bias of a floating-point type");
        return (long)bias;
    }

    /// <summary>The mantissa normalization of a floating-point type (<c>H5Tget_norm</c>).</summary>
    public H5T.Norm GetNorm()
    {
        using var scope = H5Library.Enter();
        var norm = H5T.GetNorm(this);
        if (norm == H5T.Norm.Error) H5Call.Throw("reading the normalization of a floating-point type");
        return norm;
    }

    /// <summary>Whether this is a variable-length string type (<c>H5Tis_variable_str</c>).</summary>
    public bool IsVariableString()
    {
        using var scope = H5Library.Enter();
        return H5Call.CheckBool(H5T.IsVariableStr(this), "checking whether a string type is variable-length");
    }

    /// <summary>The character set of a string type (<c>H5Tget_cset</c>).</summary>
    public H5T.Cset GetCharSet()
    {
        using var scope = H5Library.Enter();
        var cset = (int)H5T.GetCset(this);
        if (cset < 0) H5Call.Throw("reading the character set of a string type");
        return (H5T.Cset)cset;
    }

    /// <summary>The padding of a fixed-length string type (<c>H5Tget_strpad</c>).</summary>
    public H5T.Str GetStringPadding()
    {
        using var scope = H5Library.Enter();
        var pad = (int)H5T.GetStrpad(this);
        if (pad < 0) H5Call.Throw("reading the padding of a string type");
        return (H5T.Str)pad;
    }

    /// <summary>The base type of an enum, array or variable-length type (<c>H5Tget_super</c>); the caller owns it.</summary>
    public DatatypeId GetSuper()
    {
        using var scope = H5Library.Enter();
        return new DatatypeId(H5Call.Check(H5T.GetSuper(this), "reading the base type of a datatype"));
    }

    /// <summary>The number of members of a compound or enum type (<c>H5Tget_nmembers</c>).</summary>
    public int GetMemberCount()
    {
        using var scope = H5Library.Enter();
        return H5Call.Check(H5T.GetNmembers(this), "counting the members of a datatype");
    }

    /// <summary>The name of member <paramref name="index"/> of a compound or enum type (<c>H5Tget_member_name</c>).</summary>
    public unsafe string GetMemberName(int index)
    {
        using var scope = H5Library.Enter();
        CheckMemberIndex(index);
        return H5Call.TakeCString(H5T.GetMemberName(this, (uint)index), $"reading the name of member {index} of a datatype");
    }

    /// <summary>The byte offset of member <paramref name="index"/> of a compound type (<c>H5Tget_member_offset</c>).</summary>
    public long GetMemberOffset(int index)
    {
        using var scope = H5Library.Enter();
        // H5Tget_member_offset returns 0 on failure, which is also the first member's offset: check the index first.
        CheckMemberIndex(index);
        return (long)H5T.GetMemberOffset(this, (uint)index);
    }

    /// <summary>The type of member <paramref name="index"/> of a compound type (<c>H5Tget_member_type</c>); the caller owns it.</summary>
    public DatatypeId GetMemberType(int index)
    {
        using var scope = H5Library.Enter();
        CheckMemberIndex(index);
        return new DatatypeId(H5Call.Check(H5T.GetMemberType(this, (uint)index), $"reading the type of member {index} of a datatype"));
    }

    /// <summary>The raw value of enum member <paramref name="index"/>, in the byte order and size of the enum's base type
    /// (<c>H5Tget_member_value</c>); <paramref name="value"/> must hold at least <see cref="GetSize"/> bytes.</summary>
    public unsafe void GetMemberValue(int index, Span<byte> value)
    {
        using var scope = H5Library.Enter();
        CheckMemberIndex(index);
        if (value.Length < GetSize()) throw new ArgumentException($"The buffer has {value.Length} bytes; enum values of this type have {GetSize()}.", nameof(value));
        fixed (byte* p = value)
            H5Call.Check(H5T.GetMemberValue(this, (uint)index, p), $"reading the value of enum member {index}");
    }

    /// <summary>The dimensions of an array type (<c>H5Tget_array_ndims</c>, <c>H5Tget_array_dims2</c>).</summary>
    public unsafe long[] GetArrayDims()
    {
        using var scope = H5Library.Enter();
        var rank = H5Call.Check(H5T.GetArrayNdims(this), "reading the rank of an array type");
        var dims = stackalloc ulong[Math.Max(rank, 1)];
        H5Call.Check(H5T.GetArrayDims2(this, dims), "reading the dimensions of an array type");
        var result = new long[rank];
        for (int i = 0; i < rank; i++) result[i] = (long)dims[i];
        return result;
    }

    /// <summary>The tag of an opaque type (<c>H5Tget_tag</c>); empty when it has none.</summary>
    public unsafe string GetTag()
    {
        using var scope = H5Library.Enter();
        return H5Call.TakeCString(H5T.GetTag(this), "reading the tag of an opaque type");
    }

    /// <summary>Whether this type is or contains a type of class <paramref name="cls"/> (<c>H5Tdetect_class</c>).</summary>
    public bool Contains(H5T.Class cls)
    {
        using var scope = H5Library.Enter();
        return H5Call.CheckBool(H5T.DetectClass(this, cls), $"looking for {cls} types in a datatype");
    }

    /// <summary>Whether both ids name the same HDF5 type (<c>H5Tequal</c>).</summary>
    public bool IsEqualTo(DatatypeId other)
    {
        using var scope = H5Library.Enter();
        return H5Call.CheckBool(H5T.Equal(this, other), "comparing two datatypes");
    }

    /// <summary>The native memory type that holds this type's values (<c>H5Tget_native_type</c>); the caller owns it.</summary>
    public DatatypeId GetNativeType()
    {
        using var scope = H5Library.Enter();
        return new DatatypeId(H5Call.Check(H5T.GetNativeType(this, H5T.Direction.Default), "finding the native type of a datatype"));
    }

    /// <summary>A modifiable copy of this type (<c>H5Tcopy</c>); the caller owns it.</summary>
    public DatatypeId CopyType()
    {
        using var scope = H5Library.Enter();
        return new DatatypeId(H5Call.Check(H5T.Copy(this), "copying a datatype"));
    }

    private void CheckMemberIndex(int index)
    {
        var n = H5Call.Check(H5T.GetNmembers(this), "counting the members of a datatype");
        if ((uint)index >= (uint)n) throw new ArgumentOutOfRangeException(nameof(index), $"Member {index} does not exist: the type has {n} members.");
    }
}

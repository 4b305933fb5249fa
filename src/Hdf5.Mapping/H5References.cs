using System.Runtime.InteropServices;

namespace Hdf5.Mapping;

/// <summary>
/// An HDF5 object reference (<c>hobj_ref_t</c>, 8 bytes; h5py's <c>Reference</c>). Blittable, so arrays of
/// references are read and written like numbers. Get one from <see cref="H5Object.Reference"/>, open its target
/// with <see cref="H5Object.Dereference"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 8)]
public readonly struct H5ObjectReference : IEquatable<H5ObjectReference>
{
    /// <summary>Wraps the raw value (the target's object-header address).</summary>
    public H5ObjectReference(ulong value) => Value = value;

    /// <summary>The raw value.</summary>
    public ulong Value { get; }

    /// <summary>True for the null reference (what unwritten elements hold).</summary>
    public bool IsNull => Value == 0;

    /// <inheritdoc/>
    public bool Equals(H5ObjectReference other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is H5ObjectReference r && Equals(r);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Equality by value.</summary>
    public static bool operator ==(H5ObjectReference a, H5ObjectReference b) => a.Equals(b);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(H5ObjectReference a, H5ObjectReference b) => !a.Equals(b);

    /// <inheritdoc/>
    public override string ToString() => IsNull ? "<null object reference>" : $"<object reference 0x{Value:x}>";
}

/// <summary>
/// An HDF5 dataset region reference (<c>hdset_reg_ref_t</c>, 12 bytes; h5py's <c>RegionReference</c>): a dataset
/// plus a selection of it. Blittable, so arrays of them are read and written like numbers.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 12)]
public unsafe struct H5RegionReference : IEquatable<H5RegionReference>
{
    private fixed byte _bytes[12];

    /// <summary>The raw 12 bytes.</summary>
    public readonly byte[] ToArray()
    {
        var a = new byte[12];
        for (int i = 0; i < 12; i++) a[i] = _bytes[i];
        return a;
    }

    /// <summary>True for the null reference.</summary>
    public readonly bool IsNull
    {
        get
        {
            for (int i = 0; i < 12; i++) if (_bytes[i] != 0) return false;
            return true;
        }
    }

    /// <inheritdoc/>
    public readonly bool Equals(H5RegionReference other)
    {
        for (int i = 0; i < 12; i++) if (_bytes[i] != other._bytes[i]) return false;
        return true;
    }

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is H5RegionReference r && Equals(r);

    /// <inheritdoc/>
    public override readonly int GetHashCode()
    {
        var h = new HashCode();
        for (int i = 0; i < 12; i++) h.Add(_bytes[i]);
        return h.ToHashCode();
    }

    /// <summary>Equality by value.</summary>
    public static bool operator ==(H5RegionReference a, H5RegionReference b) => a.Equals(b);

    /// <summary>Inequality by value.</summary>
    public static bool operator !=(H5RegionReference a, H5RegionReference b) => !a.Equals(b);

    /// <inheritdoc/>
    public override readonly string ToString() => IsNull ? "<null region reference>" : "<region reference>";
}

namespace Hdf5.Mapping;

/// <summary>How a mapped string member is stored: variable length (UTF-8, h5py's <c>str</c>), or fixed length with a
/// character set and a padding. Generated code passes one to <see cref="H5MappingContext"/>.</summary>
/// <param name="FixedLength">0 for variable length; bytes per value; or <see cref="H5FixedLength.OfValue"/> for fixed, as
/// long as the (longest) value written.</param>
/// <param name="CharSet">The character set a fixed-length type declares.</param>
/// <param name="Padding">How a fixed-length value shorter than the type is filled.</param>
public sealed record H5StringFormat(int FixedLength, H5CharSet CharSet = H5CharSet.Ascii, H5StringPadding Padding = H5StringPadding.NullPad)
{
    /// <summary>Variable-length UTF-8, as h5py writes <c>str</c>.</summary>
    public static H5StringFormat Variable { get; } = new(0, H5CharSet.Utf8);

    /// <summary>Whether the strings are fixed length.</summary>
    public bool IsFixed => FixedLength != 0;

    /// <summary>The datatype for <paramref name="values"/> (for <see cref="H5FixedLength.OfValue"/>, as long as the longest
    /// encoded value, at least one byte).</summary>
    public H5Datatype TypeFor(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!IsFixed) return H5Datatype.VariableString();
        var size = FixedLength;
        if (size == H5FixedLength.OfValue)
        {
            size = 1;
            foreach (var v in values) size = Math.Max(size, System.Text.Encoding.UTF8.GetByteCount(v ?? ""));
        }
        return H5Datatype.FixedString(size, CharSet, Padding);
    }

    /// <summary>Whether a stored string type is the one this format writes for <paramref name="values"/>.</summary>
    internal bool Matches(H5Datatype stored, IReadOnlyList<string> values)
    {
        if (stored.Class != H5TypeClass.String) return false;
        using var wanted = TypeFor(values);
        return stored.IsSameAs(wanted);
    }
}

/// <summary>A region of a mapped dataset, named by the dataset's value (the array, list or <see cref="H5Dataset{T}"/> a
/// mapped member holds): what an <c>[H5Reference]</c> property of <c>H5MappedRegion</c> values stores as region
/// references, each into its own dataset (h5py: <c>[ds1.regionref[...], ds2.regionref[...]]</c>).</summary>
/// <param name="Dataset">The value of the mapped dataset member the region selects from.</param>
/// <param name="Region">The selection.</param>
public sealed record H5MappedRegion(object Dataset, H5Region Region);

/// <summary>What a region reference read from a file points at: the path of its dataset and the region (null for a null
/// reference). Generated code resolves the path to the mapped object read from it.</summary>
/// <param name="Path">The absolute path of the dataset the region selects from.</param>
/// <param name="Region">The selection.</param>
public readonly record struct H5RegionTarget(string? Path, H5Region? Region);

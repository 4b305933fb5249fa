using System.Globalization;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping.Design.Inspection;

/// <summary>Reads the values of datasets and attributes of any type as plain .NET values, for listings and dumps:
/// integers as <see cref="long"/>/<see cref="ulong"/>, floats as <see cref="double"/>, strings, booleans, references as
/// target paths. Null for types without a plain form (compounds, enums, arrays, opaque).</summary>
internal static class H5Values
{
    public static object?[]? Read(H5Dataset dataset)
    {
        using var type = dataset.DType;
        var kind = H5TypeSchema.FromDatatype(type).Kind;
        return kind switch
        {
            H5ValueKind.SignedInteger => dataset.Rank == 0 ? [dataset.ReadScalar<long>()] : Box(dataset.Read<long>()),
            H5ValueKind.UnsignedInteger => dataset.Rank == 0 ? [dataset.ReadScalar<ulong>()] : Box(dataset.Read<ulong>()),
            H5ValueKind.Float => dataset.Rank == 0 ? [dataset.ReadScalar<double>()] : Box(dataset.Read<double>()),
            H5ValueKind.Boolean => dataset.Rank == 0 ? [dataset.ReadScalar<bool>()] : Box(dataset.Read<bool>()),
            H5ValueKind.String => dataset.Rank == 0 ? [dataset.ReadScalarString()] : dataset.ReadStrings(),
            H5ValueKind.ObjectReference => (dataset.Rank == 0 ? [dataset.ReadScalar<H5ObjectReference>()] : dataset.Read<H5ObjectReference>())
                .Select(r => (object?)(r.IsNull ? null : dataset.GetReferenceTargetName(r))).ToArray(),
            _ => null,
        };
    }

    public static object?[]? Read(H5Attribute attribute)
    {
        using var type = attribute.DType;
        var kind = H5TypeSchema.FromDatatype(type).Kind;
        return kind switch
        {
            H5ValueKind.SignedInteger => Box(attribute.Read<long>()),
            H5ValueKind.UnsignedInteger => Box(attribute.Read<ulong>()),
            H5ValueKind.Float => Box(attribute.Read<double>()),
            H5ValueKind.Boolean => Box(attribute.Read<bool>()),
            H5ValueKind.String => attribute.ReadStrings(),
            _ => null,
        };
    }

    private static object?[] Box<T>(T[] values) => values.Select(v => (object?)v).ToArray();

    /// <summary>h5py-like text of a few values: <c>"K"</c>, <c>3.5</c>, <c>[1, 2, 3, …]</c>.</summary>
    public static string Text(object?[]? values, bool scalar, int max = 8)
    {
        if (values is null) return "…";
        var items = values.Take(max).Select(One).ToList();
        if (values.Length > max) items.Add("…");
        return scalar && values.Length == 1 ? items[0] : "[" + string.Join(", ", items) + "]";
    }

    private static string One(object? v) => v switch
    {
        null => "null",
        string s => "\"" + (s.Length > 80 ? s[..77] + "..." : s).Replace("\n", "\\n") + "\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}

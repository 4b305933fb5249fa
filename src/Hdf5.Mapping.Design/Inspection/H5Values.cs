using System.Globalization;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping.Design.Inspection;

/// <summary>Reads the values of datasets and attributes of any type as plain .NET values, for listings and dumps:
/// integers as <see cref="long"/>/<see cref="ulong"/>, floats in their own precision (<see cref="Half"/>,
/// <see cref="float"/>, <see cref="double"/>), strings, booleans, enums as member names, compounds as records, arrays
/// and sequences as lists, object references as target paths, region references as target and selection.</summary>
internal static class H5Values
{
    public static object?[] Read(H5Dataset dataset)
    {
        if (dataset.IsNull) return [];
        using var type = dataset.DType;
        var described = H5TypeSchema.FromDatatype(type);
        var scalar = dataset.Rank == 0;
        return (described.Kind, described.Size) switch
        {
            (H5ValueKind.SignedInteger, <= 8) => scalar ? [dataset.ReadScalar<long>()] : Box(dataset.Read<long>()),
            (H5ValueKind.UnsignedInteger, <= 8) => scalar ? [dataset.ReadScalar<ulong>()] : Box(dataset.Read<ulong>()),
            (H5ValueKind.Float, 4) => scalar ? [dataset.ReadScalar<float>()] : Box(dataset.Read<float>()),
            (H5ValueKind.Float, 8) => scalar ? [dataset.ReadScalar<double>()] : Box(dataset.Read<double>()),
            (H5ValueKind.Boolean, _) => scalar ? [dataset.ReadScalar<bool>()] : Box(dataset.Read<bool>()),
            (H5ValueKind.String, _) => scalar ? [dataset.ReadScalarString()] : dataset.ReadStrings(),
            _ => H5NativeValues.Read(dataset),
        };
    }

    public static object?[] Read(H5Attribute attribute, H5Object owner)
    {
        using var type = attribute.DType;
        var described = H5TypeSchema.FromDatatype(type);
        return (described.Kind, described.Size) switch
        {
            (H5ValueKind.SignedInteger, <= 8) => Box(attribute.Read<long>()),
            (H5ValueKind.UnsignedInteger, <= 8) => Box(attribute.Read<ulong>()),
            (H5ValueKind.Float, 4) => Box(attribute.Read<float>()),
            (H5ValueKind.Float, 8) => Box(attribute.Read<double>()),
            (H5ValueKind.Boolean, _) => Box(attribute.Read<bool>()),
            (H5ValueKind.String, _) => attribute.ReadStrings(),
            _ => H5NativeValues.Read(attribute, owner),
        };
    }

    /// <summary>Runs <paramref name="read"/>, or says in one line why the values cannot be read (a filter that is not
    /// installed, a damaged chunk), so one unreadable object does not end a listing or a dump.</summary>
    public static (object?[]? Values, string? Error) TryRead(Func<object?[]> read)
    {
        try
        {
            return (read(), null);
        }
        catch (Exception e) when (e is IH5Exception)
        {
            return (null, e.Message.Split('\n')[0].TrimEnd());
        }
    }

    private static object?[] Box<T>(T[] values) => values.Select(v => (object?)v).ToArray();

    /// <summary>h5py-like text of a few values: <c>"K"</c>, <c>3.5</c>, <c>[1, 2, 3, …]</c>, <c>{x: 1, y: 2.5}</c>.</summary>
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
        double d => FloatText(d, d.ToString("R", CultureInfo.InvariantCulture)),
        float f => FloatText(f, f.ToString("R", CultureInfo.InvariantCulture)),
        Half h => FloatText((double)h, h.ToString(CultureInfo.InvariantCulture)),
        bool b => b ? "True" : "False",
        H5RecordValue r => "{" + string.Join(", ", r.Fields.Select(f => f.Key + ": " + One(f.Value))) + "}",
        object?[] list => Text(list, scalar: false),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    /// <summary>A float as h5ls prints it, but exact: the shortest text that reads back to the value in its own
    /// precision (float32 1e20 is <c>1e+20</c>, not the double <c>1.0000000200408773E+20</c>); <c>nan</c>, <c>inf</c>.</summary>
    internal static string FloatText(double value, string shortest) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : shortest.Replace('E', 'e');
}

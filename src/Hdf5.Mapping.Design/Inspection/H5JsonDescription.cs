using System.Text.Encodings.Web;
using System.Text.Json;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping.Design.Inspection;

/// <summary>Options of <see cref="H5JsonDescription"/>.</summary>
public sealed class H5JsonOptions
{
    /// <summary>Datasets with at most this many elements have their values in the description (default 1000; 0: none).</summary>
    public long MaxValues { get; init; } = 1000;

    /// <summary>Receives <see cref="H5ProgressUnit.Objects"/> as each object is described, out of the object count of
    /// what is described.</summary>
    public IProgress<H5Progress>? Progress { get; init; }
}

/// <summary>
/// Describes a file (or a group or dataset in it) as JSON: every group, dataset and attribute with its path, datatype,
/// shape, maximum shape, layout, chunks, filters, dimension scales, and the values of attributes and of small datasets.
/// </summary>
/// <remarks>Shape of the document: <c>{"path", "kind": "group", "attributes": [...], "members": [...]}</c> for groups,
/// <c>{"path", "kind": "dataset", "type": {...}, "shape", "maxShape", "layout", "chunks", "filters", "scale", "dimensions",
/// "attributes", "values"}</c> for datasets, <c>{"path", "kind": "softLink"|"externalLink", "target"}</c> for links,
/// <c>{"path", "kind", "sameAs"}</c> for a further hard link to an object already described (a group linked into itself
/// is described once).
/// Types are <c>{"kind", "size", "text"}</c> plus <c>"stringKind"</c> for strings and <c>"fields"</c> for compounds.</remarks>
public static class H5JsonDescription
{
    /// <summary>Writes the description of <paramref name="obj"/> (a group or dataset) to <paramref name="output"/>.</summary>
    public static void Write(H5Object obj, Stream output, H5JsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new H5JsonOptions();
        // Each group is two levels of JSON: deep (acyclic) files must not hit the writer's default limit of 1000.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth });
        switch (obj)
        {
            case H5Group g: Group(json, g, g.Name, new H5Visits(g, g.Name), options, H5WalkProgress.Start(options.Progress, g)); break;
            case H5Dataset d: Dataset(json, d, d.Name, options, H5WalkProgress.Start(options.Progress, 1)); break;
            default: throw new ArgumentException($"{obj} is neither a group nor a dataset.", nameof(obj));
        }
    }

    /// <summary>The description as a string.</summary>
    public static string Describe(H5Object obj, H5JsonOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(obj, stream, options);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private const int MaxDepth = 1 << 16;

    private static void Group(Utf8JsonWriter json, H5Group group, string path, H5Visits visits, H5JsonOptions options, H5WalkProgress? progress)
    {
        progress?.Reached(path);
        json.WriteStartObject();
        json.WriteString("path", path);
        json.WriteString("kind", "group");
        Attributes(json, group);
        json.WriteStartArray("members");
        var prefix = path == "/" ? "/" : path + "/";
        foreach (var name in group.Keys)
        {
            var link = group.GetLink(name);
            if (link.Kind != H5LinkKind.Hard)
            {
                json.WriteStartObject();
                json.WriteString("path", prefix + name);
                json.WriteString("kind", link.Kind == H5LinkKind.Soft ? "softLink" : "externalLink");
                json.WriteString("target", link.Kind == H5LinkKind.Soft ? link.Path : link.FileName + ":" + link.Path);
                json.WriteEndObject();
                continue;
            }
            var info = group.GetInfo(name);
            if (visits.FirstVisit(info, prefix + name) is { } first)
            {
                // A second hard link, or a group linked into itself: described once, where it was first reached.
                json.WriteStartObject();
                json.WriteString("path", prefix + name);
                json.WriteString("kind", info.Type switch { Native.H5O.Type.Group => "group", Native.H5O.Type.Dataset => "dataset", _ => "datatype" });
                json.WriteString("sameAs", first);
                json.WriteEndObject();
                continue;
            }
            switch (group.GetKind(name))
            {
                case H5ObjectKind.Group:
                    using (var g = group.OpenGroup(name)) Group(json, g, prefix + name, visits, options, progress);
                    break;
                case H5ObjectKind.Dataset:
                    using (var d = group.OpenDataset(name)) Dataset(json, d, prefix + name, options, progress);
                    break;
                default:
                    json.WriteStartObject();
                    json.WriteString("path", prefix + name);
                    json.WriteString("kind", "datatype");
                    json.WriteEndObject();
                    break;
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Dataset(Utf8JsonWriter json, H5Dataset dataset, string path, H5JsonOptions options, H5WalkProgress? progress)
    {
        progress?.Reached(path);
        json.WriteStartObject();
        json.WriteString("path", path);
        json.WriteString("kind", "dataset");
        using (var type = dataset.DType) Type(json, type);
        Shape(json, "shape", dataset.Shape, dataset.IsNull);
        Shape(json, "maxShape", dataset.MaxShape, dataset.IsNull);
        json.WriteString("layout", dataset.Layout.ToString().ToLowerInvariant());
        if (dataset.Chunks is { } chunks) Longs(json, "chunks", chunks);
        json.WriteStartArray("filters");
        foreach (var f in dataset.Filters)
        {
            json.WriteStartObject();
            json.WriteNumber("id", f.Id);
            json.WriteString("name", f.Name);
            json.WriteStartArray("clientData");
            foreach (var c in f.ClientData) json.WriteNumberValue(c);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteNumber("storageSize", dataset.StorageSize);
        if (dataset.IsScale) json.WriteString("scale", dataset.ScaleName);
        json.WriteStartArray("dimensions");
        for (int i = 0; i < dataset.Rank; i++)
        {
            var dim = dataset.Dims[i];
            json.WriteStartObject();
            json.WriteString("label", dim.Label);
            json.WriteStartArray("scales");
            foreach (var s in dim.ScalePaths) json.WriteStringValue(s);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        Attributes(json, dataset);
        if (dataset.Size <= options.MaxValues)
        {
            Values(json, H5Values.TryRead(() => H5Values.Read(dataset)));
        }
        json.WriteEndObject();
    }

    private static void Attributes(Utf8JsonWriter json, H5Object obj)
    {
        json.WriteStartArray("attributes");
        foreach (var name in obj.Attrs.Keys)
        {
            using var a = obj.Attrs.Open(name);
            json.WriteStartObject();
            json.WriteString("name", name);
            using (var type = a.DType) Type(json, type);
            Shape(json, "shape", a.Shape, a.IsNull);
            Values(json, H5Values.TryRead(() => H5Values.Read(a, obj)));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    // A null dataspace (h5py.Empty) has no shape at all, as h5py's shape is None: not even the scalar's [].
    private static void Shape(Utf8JsonWriter json, string name, long[] shape, bool isNull)
    {
        if (isNull) json.WriteNull(name);
        else Longs(json, name, shape);
    }

    private static void Type(Utf8JsonWriter json, H5Datatype type)
    {
        var t = H5TypeSchema.FromDatatype(type);
        json.WriteStartObject("type");
        TypeBody(json, t);
        json.WriteEndObject();
    }

    private static void TypeBody(Utf8JsonWriter json, H5TypeSchema t)
    {
        json.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(t.Kind.ToString()));
        json.WriteNumber("size", t.Size);
        json.WriteString("text", t.ToString());
        if (t.StringKind is { } sk) json.WriteString("stringKind", sk == H5StringKind.Variable ? "variable" : "fixed");
        if (t.Fields.Count > 0)
        {
            json.WriteStartArray("fields");
            foreach (var f in t.Fields)
            {
                json.WriteStartObject();
                json.WriteString("name", f.Name);
                json.WriteStartObject("type");
                TypeBody(json, f.Type);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    }

    private static void Longs(Utf8JsonWriter json, string name, long[] values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteNumberValue(v);
        json.WriteEndArray();
    }

    // Values flat, in row-major order (the shape says how to fold them).
    private static void Values(Utf8JsonWriter json, (object?[]? Values, string? Error) read)
    {
        if (read.Error is not null)
        {
            json.WriteString("valuesError", read.Error);
            return;
        }
        json.WriteStartArray("values");
        foreach (var v in read.Values!) Value(json, v);
        json.WriteEndArray();
    }

    // Numbers as JSON numbers in their own precision (a float32 is written as the shortest float text), NaN and
    // infinities as strings, compounds as objects, arrays and sequences as arrays, regions as target and selection.
    private static void Value(Utf8JsonWriter json, object? v)
    {
        switch (v)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case long l: json.WriteNumberValue(l); break;
            case ulong u: json.WriteNumberValue(u); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case Half h when Half.IsFinite(h): json.WriteNumberValue((float)h); break;
            case double or float or Half: json.WriteStringValue(((IFormattable)v).ToString(null, System.Globalization.CultureInfo.InvariantCulture)); break;
            case H5RecordValue r:
                json.WriteStartObject();
                foreach (var (name, value) in r.Fields)
                {
                    json.WritePropertyName(name);
                    Value(json, value);
                }
                json.WriteEndObject();
                break;
            case object?[] list:
                json.WriteStartArray();
                foreach (var item in list) Value(json, item);
                json.WriteEndArray();
                break;
            case H5RegionValue region:
                json.WriteStartObject();
                json.WriteString("dataset", region.Dataset);
                json.WriteString("selection", region.Region.ToString());
                if (region.Region.PointList is { } points)
                {
                    json.WriteStartArray("points");
                    for (int i = 0; i < points.GetLength(0); i++)
                    {
                        json.WriteStartArray();
                        for (int d = 0; d < points.GetLength(1); d++) json.WriteNumberValue(points[i, d]);
                        json.WriteEndArray();
                    }
                    json.WriteEndArray();
                }
                else
                {
                    json.WriteStartArray("blocks");
                    foreach (var (start, count) in region.Region.BlockList)
                    {
                        json.WriteStartObject();
                        Longs(json, "start", start);
                        Longs(json, "count", count);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                }
                json.WriteEndObject();
                break;
            default: json.WriteStringValue(v.ToString()); break;
        }
    }
}

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
        if (obj is not (H5Group or H5Dataset)) throw new ArgumentException($"{obj} is neither a group nor a dataset.", nameof(obj));
        var modelOptions = new H5FileModelOptions { Progress = options.Progress };
        H5ModelNode node = obj is H5Group g ? H5FileModel.Read(g, modelOptions).Root : H5FileModel.Read((H5Dataset)obj, modelOptions);
        // Each group is two levels of JSON: deep (acyclic) files must not hit the writer's default limit of 1000.
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth });
        new Writer(json, new H5ValueSource(obj.File), options).Node(node);
    }

    /// <summary>The description as a string.</summary>
    public static string Describe(H5Object obj, H5JsonOptions? options = null)
    {
        using var stream = new MemoryStream();
        Write(obj, stream, options);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private const int MaxDepth = 1 << 16;

    private sealed class Writer(Utf8JsonWriter json, H5ValueSource values, H5JsonOptions options)
    {
        public void Node(H5ModelNode node)
        {
            switch (node)
            {
                case H5GroupNode g: Group(g); break;
                case H5DatasetNode d: Dataset(d); break;
                default: Reference(node); break;
            }
        }

        // Links, further hard links (a group linked into itself is described once, where it was first reached) and named datatypes.
        private void Reference(H5ModelNode node)
        {
            json.WriteStartObject();
            json.WriteString("path", node.Path);
            switch (node)
            {
                case H5LinkNode link:
                    json.WriteString("kind", link.Kind == H5LinkKind.Soft ? "softLink" : "externalLink");
                    json.WriteString("target", link.Kind == H5LinkKind.Soft ? link.TargetPath : link.FileName + ":" + link.TargetPath);
                    break;
                case H5SameAsNode same:
                    json.WriteString("kind", same.Kind switch { H5ObjectKind.Group => "group", H5ObjectKind.Dataset => "dataset", _ => "datatype" });
                    json.WriteString("sameAs", same.FirstPath);
                    break;
                default:
                    json.WriteString("kind", "datatype");
                    break;
            }
            json.WriteEndObject();
        }

        private void Group(H5GroupNode group)
        {
            json.WriteStartObject();
            json.WriteString("path", group.Path);
            json.WriteString("kind", "group");
            Attributes(group.Path, group.Attributes);
            json.WriteStartArray("members");
            foreach (var member in group.Members) Node(member);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private void Dataset(H5DatasetNode dataset)
        {
            json.WriteStartObject();
            json.WriteString("path", dataset.Path);
            json.WriteString("kind", "dataset");
            Type(json, dataset.Type);
            Shape(json, "shape", dataset.Shape, dataset.IsNull);
            Shape(json, "maxShape", dataset.MaxShape, dataset.IsNull);
            json.WriteString("layout", dataset.Layout.ToString().ToLowerInvariant());
            if (dataset.Chunks is { } chunks) Longs(json, "chunks", chunks);
            Filters(dataset.Filters);
            json.WriteNumber("storageSize", dataset.StorageSize);
            if (dataset.IsScale) json.WriteString("scale", dataset.ScaleName);
            Dimensions(dataset.Dimensions);
            Attributes(dataset.Path, dataset.Attributes);
            if (dataset.Size <= options.MaxValues) Values(json, values.Dataset(dataset.Path));
            json.WriteEndObject();
        }

        private void Filters(IReadOnlyList<H5Filter> filters)
        {
            json.WriteStartArray("filters");
            foreach (var f in filters)
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
        }

        private void Dimensions(IReadOnlyList<H5DimensionNode> dimensions)
        {
            json.WriteStartArray("dimensions");
            foreach (var dim in dimensions)
            {
                json.WriteStartObject();
                json.WriteString("label", dim.Label);
                json.WriteStartArray("scales");
                foreach (var s in dim.ScalePaths) json.WriteStringValue(s);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }

        private void Attributes(string ownerPath, IReadOnlyList<H5AttributeNode> attributes)
        {
            json.WriteStartArray("attributes");
            var read = attributes.Count == 0 ? [] : values.Attributes(ownerPath, attributes);
            for (int i = 0; i < attributes.Count; i++)
            {
                var a = attributes[i];
                json.WriteStartObject();
                json.WriteString("name", a.Name);
                Type(json, a.Type);
                Shape(json, "shape", a.Shape, a.IsNull);
                Values(json, read[i]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    }

    // A null dataspace (h5py.Empty) has no shape at all, as h5py's shape is None: not even the scalar's [].
    private static void Shape(Utf8JsonWriter json, string name, long[] shape, bool isNull)
    {
        if (isNull) json.WriteNull(name);
        else Longs(json, name, shape);
    }

    private static void Type(Utf8JsonWriter json, H5TypeDescriptor type)
    {
        var t = H5TypeSchema.FromDescriptor(type);
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
            case H5RegionValue region: Region(json, region); break;
            default: json.WriteStringValue(v.ToString()); break;
        }
    }

    private static void Region(Utf8JsonWriter json, H5RegionValue region)
    {
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
    }
}

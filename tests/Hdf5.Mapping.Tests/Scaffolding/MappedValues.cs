using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hdf5.Mapping.Tests.Scaffolding;

/// <summary>
/// Walks an object graph read by mapped (here: scaffolded and compiled) classes and lists every dataset and
/// attribute value by HDF5 path, in the canonical form of <see cref="PeerFiles.CanonicalReading"/>. The paths come
/// from the classes' own [H5Dataset]/[H5Attribute]/[H5Group] attributes, so the comparison also checks the names.
/// </summary>
public static class MappedValues
{
    public static Dictionary<string, string> Collect(object root, H5File file)
    {
        var walk = new Walker(file);
        walk.Group(root, "/");
        // [H5Reference] properties hold the mapped objects themselves: canonical form is the path each was read from.
        foreach (var (path, value) in walk.References)
        {
            var entry = value is object[] items
                ? new JsonObject { ["shape"] = new JsonArray(items.Length), ["values"] = new JsonArray(items.Select(i => (JsonNode?)(i is null ? null : walk.PathOf(i))).ToArray()) }
                : new JsonObject { ["shape"] = new JsonArray(), ["values"] = new JsonArray(walk.PathOf(value)) };
            walk.Values[path] = Canonical(entry);
        }
        return walk.Values;
    }

    private sealed class Walker(H5File file)
    {
        private readonly Dictionary<object, string> _paths = new(ReferenceEqualityComparer.Instance);
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
        public List<(string Path, object Value)> References { get; } = [];

        public string PathOf(object value) => _paths.TryGetValue(value, out var p) ? p : throw new InvalidOperationException($"{value} was not read from the file");

        public void Group(object value, string path)
        {
            _paths.TryAdd(value, path);
            var properties = value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance);
            var datasetNames = properties.Where(p => p.GetCustomAttribute<H5DatasetAttribute>() is not null)
                .ToDictionary(p => p.Name, p => p.GetCustomAttribute<H5DatasetAttribute>()!.Name ?? p.Name);
            foreach (var p in properties)
            {
                var v = p.GetValue(value);
                if (p.GetCustomAttribute<H5GroupAttribute>() is { } g)
                    Group(v!, Join(path, g.Name ?? p.Name));
                else if (p.GetCustomAttribute<H5ReferenceAttribute>() is { } r)
                    References.Add((Join(path, r.Name ?? p.Name), v!));
                else if (p.GetCustomAttribute<H5DatasetAttribute>() is { } d)
                {
                    var full = Join(path, d.Name ?? p.Name);
                    if (v is Array) _paths.TryAdd(v, full);
                    var regionTarget = d.RegionOf is null ? null : Join(path, datasetNames[d.RegionOf]);
                    Values[full] = Canonical(Entry(v!, file, regionTarget));
                }
                else if (p.GetCustomAttribute<H5AttributeAttribute>() is { } a)
                {
                    var owner = a.On is null ? path : Join(path, datasetNames[a.On]);
                    Values[owner + "@" + (a.Name ?? p.Name)] = Canonical(Entry(v!, file, null));
                }
            }
        }
    }

    private static string Join(string parent, string name) => parent == "/" ? "/" + name : parent + "/" + name;

    private static JsonObject Entry(object value, H5File file, string? regionTarget)
    {
        var shape = new JsonArray();
        var flat = new JsonArray();
        if (value is Array array)
        {
            for (int i = 0; i < array.Rank; i++) shape.Add(array.GetLength(i));
            foreach (var item in array) flat.Add(One(item, file, regionTarget));
        }
        else flat.Add(One(value, file, regionTarget));
        return new JsonObject { ["shape"] = shape, ["values"] = flat };
    }

    private static JsonNode? One(object? v, H5File file, string? regionTarget) => v switch
    {
        null => null,
        string s => s,
        bool b => b,
        Half h => Float((double)h),
        float f => Float(f),
        double d => Float(d),
        Enum e => Convert.ToInt64(e, CultureInfo.InvariantCulture),
        ulong u => u,
        sbyte or byte or short or ushort or int or uint or long => Convert.ToInt64(v, CultureInfo.InvariantCulture),
        H5ObjectReference r => r.IsNull ? null : file.GetReferenceTargetName(r),
        H5Region region => new JsonObject
        {
            ["target"] = regionTarget,
            ["blocks"] = new JsonArray(region.BlockList.Select(b => (JsonNode)new JsonArray(
                new JsonArray(b.Start.Select(x => (JsonNode)x).ToArray()), new JsonArray(b.Count.Select(x => (JsonNode)x).ToArray()))).ToArray()),
        },
        Array items => new JsonArray(items.Cast<object?>().Select(i => One(i, file, null)).ToArray()), // a sequence member of a record
        _ when v.GetType().IsValueType => Struct(v, file),
        _ => throw new InvalidOperationException($"no canonical form for {v.GetType()}"),
    };

    // JSON has no NaN or infinities: both sides write them as Python's repr does.
    private static JsonNode Float(double d) =>
        double.IsFinite(d) ? d : double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf";

    private static JsonObject Struct(object v, H5File file)
    {
        var o = new JsonObject();
        foreach (var field in v.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
            o[field.GetCustomAttribute<H5FieldAttribute>()?.Name ?? field.Name] = One(field.GetValue(v), file, null);
        return o;
    }

    /// <summary>One canonical text for a JSON value: numbers as doubles ("R"), object keys sorted.</summary>
    public static string Canonical(JsonNode? node) => Canonical(JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement);

    public static string Canonical(JsonElement e)
    {
        var sb = new StringBuilder();
        Write(e, sb);
        return sb.ToString();
    }

    private static void Write(JsonElement e, StringBuilder sb)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Number:
                sb.Append(e.TryGetUInt64(out var u) ? u.ToString(CultureInfo.InvariantCulture)
                    : e.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture)
                    : e.GetDouble() is var d && d == Math.Floor(d) && Math.Abs(d) < 1e15 ? ((long)d).ToString(CultureInfo.InvariantCulture)
                    : e.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.Array:
                sb.Append('[');
                var first = true;
                foreach (var item in e.EnumerateArray())
                {
                    if (!first) sb.Append(',');
                    first = false;
                    Write(item, sb);
                }
                sb.Append(']');
                break;
            case JsonValueKind.Object:
                sb.Append('{');
                var firstKey = true;
                foreach (var prop in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!firstKey) sb.Append(',');
                    firstKey = false;
                    sb.Append(JsonSerializer.Serialize(prop.Name)).Append(':');
                    Write(prop.Value, sb);
                }
                sb.Append('}');
                break;
            case JsonValueKind.String:
                sb.Append(JsonSerializer.Serialize(e.GetString()));
                break;
            default:
                sb.Append(e.GetRawText());
                break;
        }
    }

    /// <summary>h5py's canonical reading of a file, by path.</summary>
    public static Dictionary<string, string> FromPeer(JsonElement reading) =>
        reading.EnumerateObject().ToDictionary(p => p.Name, p => Canonical(p.Value), StringComparer.Ordinal);
}

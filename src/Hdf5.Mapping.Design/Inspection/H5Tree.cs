using System.Globalization;
using System.Text;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping.Design.Inspection;

/// <summary>
/// A readable tree of a file or group, like <c>h5ls [-r] [-v]</c> drawn as a tree: every object with its kind,
/// datatype and shape; verbosely also attributes (with values), layout, chunks, filters, storage and dimension scales.
/// </summary>
public static class H5Tree
{
    /// <summary>Formats <paramref name="group"/>'s members (all levels with <paramref name="recursive"/>), reporting
    /// <see cref="H5ProgressUnit.Objects"/> to <paramref name="progress"/> as each object is listed.</summary>
    public static string Format(H5Group group, bool recursive = false, bool verbose = false, IProgress<H5Progress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        var walkProgress = recursive ? H5WalkProgress.Start(progress, group) : H5WalkProgress.Start(progress, group.Count + 1L);
        walkProgress?.Reached(group.Name);
        var sb = new StringBuilder();
        sb.Append(group.Name).Append("  ").AppendLine(GroupSummary(group));
        if (verbose) Details(sb, "", Attributes(group));
        var walk = new Walk(new H5Visits(group, group.Name), recursive, verbose, walkProgress);
        Children(sb, group, group.Name, "", walk);
        return sb.ToString();
    }

    /// <summary>Formats one dataset.</summary>
    public static string Format(H5Dataset dataset, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var sb = new StringBuilder();
        sb.Append(dataset.Name).Append("  ").AppendLine(DatasetSummary(dataset));
        if (verbose) Details(sb, "", DatasetDetails(dataset));
        return sb.ToString();
    }

    private static string GroupSummary(H5Group g)
    {
        var n = g.Keys.Count;
        return $"group ({n} member{(n == 1 ? "" : "s")})";
    }

    private static string DatasetSummary(H5Dataset d)
    {
        using var type = d.DType;
        var shape = d.Shape;
        var max = d.MaxShape;
        var dims = d.IsNull ? "null (no value)" : shape.Length == 0 ? "scalar" : "(" + string.Join(", ", shape.Select((s, i) =>
            s.ToString(CultureInfo.InvariantCulture) + (max[i] == s ? "" : max[i] < 0 ? "/∞" : "/" + max[i].ToString(CultureInfo.InvariantCulture)))) + ")";
        var scale = d.IsScale ? ", dimension scale" + (d.ScaleName.Length > 0 ? $" \"{d.ScaleName}\"" : "") : "";
        return $"{H5TypeSchema.FromDatatype(type)} {dims}{scale}";
    }

    private sealed record Walk(H5Visits Visits, bool Recursive, bool Verbose, H5WalkProgress? Progress);

    private static void Children(StringBuilder sb, H5Group group, string path, string indent, Walk walk)
    {
        var keys = group.Keys;
        for (int i = 0; i < keys.Count; i++)
        {
            var last = i == keys.Count - 1;
            var name = keys[i];
            var branch = indent + (last ? "└── " : "├── ");
            var below = indent + (last ? "    " : "│   ");
            var link = group.GetLink(name);
            if (link.Kind == H5LinkKind.Soft)
            {
                sb.Append(branch).Append(name).Append(" -> ").AppendLine(link.Path);
                continue;
            }
            if (link.Kind == H5LinkKind.External)
            {
                sb.Append(branch).Append(name).Append(" -> ").Append(link.FileName).Append(':').AppendLine(link.Path);
                continue;
            }
            var childPath = H5Path.Join(path, name);
            var info = group.GetInfo(name);
            if (walk.Visits.FirstVisit(info, childPath) is { } first)
            {
                // A second hard link (or a group linked into itself): described where it was first reached, as h5ls does.
                var kind = info.Type == Native.H5O.Type.Group ? "/  group" : info.Type == Native.H5O.Type.Dataset ? "  dataset" : "  named datatype";
                sb.Append(branch).Append(name).Append(kind).Append(", same as ").AppendLine(first);
                continue;
            }
            walk.Progress?.Reached(childPath);
            switch (group.GetKind(name))
            {
                case H5ObjectKind.Group:
                    using (var g = group.OpenGroup(name))
                    {
                        sb.Append(branch).Append(name).Append("/  ").AppendLine(GroupSummary(g));
                        if (walk.Verbose) Details(sb, below, Attributes(g));
                        if (walk.Recursive) Children(sb, g, childPath, below, walk);
                    }
                    break;
                case H5ObjectKind.Dataset:
                    using (var d = group.OpenDataset(name))
                    {
                        sb.Append(branch).Append(name).Append("  ").AppendLine(DatasetSummary(d));
                        if (walk.Verbose) Details(sb, below, DatasetDetails(d));
                    }
                    break;
                default:
                    sb.Append(branch).Append(name).AppendLine("  named datatype");
                    break;
            }
        }
    }

    private static void Details(StringBuilder sb, string indent, IEnumerable<string> lines)
    {
        foreach (var line in lines) sb.Append(indent).Append("  ").AppendLine(line);
    }

    private static IEnumerable<string> Attributes(H5Object obj)
    {
        foreach (var name in obj.Attrs.Keys)
        {
            if (H5Dataset.ScaleBookkeepingAttributes.Contains(name)) continue; // shown as scale information
            using var a = obj.Attrs.Open(name);
            using var type = a.DType;
            var shape = a.Shape;
            var dims = a.IsNull ? " null" : shape.Length == 0 ? "" : " (" + string.Join(", ", shape) + ")";
            var (values, error) = H5Values.TryRead(() => H5Values.Read(a, obj));
            yield return $"@{name}: {H5TypeSchema.FromDatatype(type)}{dims} = {(error is null ? H5Values.Text(values, shape.Length == 0) : $"(unreadable: {error})")}";
        }
    }

    private static IEnumerable<string> DatasetDetails(H5Dataset d)
    {
        foreach (var line in Attributes(d)) yield return line;
        var layout = d.Layout;
        var chunks = d.Chunks;
        yield return "layout: " + layout.ToString().ToLowerInvariant() + (chunks is null ? "" : $", chunks ({string.Join(", ", chunks)})");
        var filters = d.Filters;
        if (filters.Count > 0) yield return "filters: " + string.Join(" → ", filters.Select(f => f.ToString()));
        var logical = d.NBytes;
        var stored = d.StorageSize;
        yield return $"storage: {logical:N0} bytes, {stored:N0} stored" + (stored > 0 && filters.Count > 0 ? $" (ratio {(double)logical / stored:F2})" : "");
        for (int i = 0; i < d.Rank; i++)
        {
            var dim = d.Dims[i];
            var label = dim.Label;
            var scales = dim.ScalePaths;
            if (label.Length > 0 || scales.Count > 0)
                yield return $"dimension {i}:{(label.Length > 0 ? $" label \"{label}\"" : "")}{(scales.Count > 0 ? " scales " + string.Join(", ", scales) : "")}";
        }
    }
}

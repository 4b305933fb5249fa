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
        var model = H5FileModel.Read(group, new H5FileModelOptions { Recursive = recursive, Progress = progress });
        var root = model.Root;
        var sb = new StringBuilder();
        sb.Append(root.Path).Append("  ").AppendLine(GroupSummary(root));
        var values = new H5ValueSource(group.File);
        if (verbose) Details(sb, "", Attributes(root.Path, root.Attributes, values));
        Children(sb, root, "", new Walk(verbose, values));
        return sb.ToString();
    }

    /// <summary>Formats one dataset.</summary>
    public static string Format(H5Dataset dataset, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var node = H5FileModel.Read(dataset);
        var sb = new StringBuilder();
        sb.Append(node.Path).Append("  ").AppendLine(DatasetSummary(node));
        if (verbose) Details(sb, "", DatasetDetails(node, new H5ValueSource(dataset.File)));
        return sb.ToString();
    }

    private static string GroupSummary(H5GroupNode g)
    {
        var n = g.MemberCount;
        return $"group ({n} member{(n == 1 ? "" : "s")})";
    }

    private static string DatasetSummary(H5DatasetNode d)
    {
        var shape = d.Shape;
        var max = d.MaxShape;
        var dims = d.IsNull ? "null (no value)" : shape.Length == 0 ? "scalar" : "(" + string.Join(", ", shape.Select((s, i) =>
            s.ToString(CultureInfo.InvariantCulture) + (max[i] == s ? "" : max[i] < 0 ? "/∞" : "/" + max[i].ToString(CultureInfo.InvariantCulture)))) + ")";
        var scale = d.IsScale ? ", dimension scale" + (d.ScaleName.Length > 0 ? $" \"{d.ScaleName}\"" : "") : "";
        return $"{H5TypeSchema.FromDescriptor(d.Type)} {dims}{scale}";
    }

    private sealed record Walk(bool Verbose, H5ValueSource Values);

    private static void Children(StringBuilder sb, H5GroupNode group, string indent, Walk walk)
    {
        var members = group.Members;
        for (int i = 0; i < members.Count; i++)
        {
            var last = i == members.Count - 1;
            var branch = indent + (last ? "└── " : "├── ");
            var below = indent + (last ? "    " : "│   ");
            Member(sb, members[i], branch, below, walk);
        }
    }

    private static void Member(StringBuilder sb, H5ModelNode member, string branch, string below, Walk walk)
    {
        sb.Append(branch).Append(member.Name);
        switch (member)
        {
            case H5LinkNode { Kind: H5LinkKind.External } link:
                sb.Append(" -> ").Append(link.FileName).Append(':').AppendLine(link.TargetPath);
                break;
            case H5LinkNode link:
                sb.Append(" -> ").AppendLine(link.TargetPath);
                break;
            case H5SameAsNode same:
                // A second hard link (or a group linked into itself): described where it was first reached, as h5ls does.
                var kind = same.Kind == H5ObjectKind.Group ? "/  group" : same.Kind == H5ObjectKind.Dataset ? "  dataset" : "  named datatype";
                sb.Append(kind).Append(", same as ").AppendLine(same.FirstPath);
                break;
            case H5GroupNode g:
                sb.Append("/  ").AppendLine(GroupSummary(g));
                if (walk.Verbose) Details(sb, below, Attributes(g.Path, g.Attributes, walk.Values));
                Children(sb, g, below, walk);
                break;
            case H5DatasetNode d:
                sb.Append("  ").AppendLine(DatasetSummary(d));
                if (walk.Verbose) Details(sb, below, DatasetDetails(d, walk.Values));
                break;
            default:
                sb.AppendLine("  named datatype");
                break;
        }
    }

    private static void Details(StringBuilder sb, string indent, IEnumerable<string> lines)
    {
        foreach (var line in lines) sb.Append(indent).Append("  ").AppendLine(line);
    }

    private static IEnumerable<string> Attributes(string ownerPath, IReadOnlyList<H5AttributeNode> attributes, H5ValueSource values)
    {
        // Scale bookkeeping is shown as scale information.
        var shown = attributes.Where(a => !H5Dataset.ScaleBookkeepingAttributes.Contains(a.Name)).ToList();
        if (shown.Count == 0) yield break;
        var read = values.Attributes(ownerPath, shown);
        for (int i = 0; i < shown.Count; i++)
        {
            var a = shown[i];
            var shape = a.Shape;
            var dims = a.IsNull ? " null" : shape.Length == 0 ? "" : " (" + string.Join(", ", shape) + ")";
            var (valuesRead, error) = read[i];
            yield return $"@{a.Name}: {H5TypeSchema.FromDescriptor(a.Type)}{dims} = {(error is null ? H5Values.Text(valuesRead, shape.Length == 0) : $"(unreadable: {error})")}";
        }
    }

    private static IEnumerable<string> DatasetDetails(H5DatasetNode d, H5ValueSource values)
    {
        foreach (var line in Attributes(d.Path, d.Attributes, values)) yield return line;
        var chunks = d.Chunks;
        yield return "layout: " + d.Layout.ToString().ToLowerInvariant() + (chunks is null ? "" : $", chunks ({string.Join(", ", chunks)})");
        var filters = d.Filters;
        if (filters.Count > 0) yield return "filters: " + string.Join(" → ", filters.Select(f => f.ToString()));
        var logical = d.NBytes;
        var stored = d.StorageSize;
        yield return $"storage: {logical:N0} bytes, {stored:N0} stored" + (stored > 0 && filters.Count > 0 ? $" (ratio {(double)logical / stored:F2})" : "");
        for (int i = 0; i < d.Rank; i++)
        {
            var label = d.Dimensions[i].Label;
            var scales = d.Dimensions[i].ScalePaths;
            if (label.Length > 0 || scales.Count > 0)
                yield return $"dimension {i}:{(label.Length > 0 ? $" label \"{label}\"" : "")}{(scales.Count > 0 ? " scales " + string.Join(", ", scales) : "")}";
        }
    }
}

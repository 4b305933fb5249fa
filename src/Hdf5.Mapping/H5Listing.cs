using System.Globalization;
using System.Text;

namespace Hdf5.Mapping;

/// <summary>
/// A text listing of a group's tree in the spirit of <c>h5ls -rv</c>: every object with its kind, datatype, shape,
/// attributes (with small values), chunking, filter pipeline and storage use.
/// </summary>
public static class H5Listing
{
    /// <summary>Lists <paramref name="group"/> (recursively by default) and returns the text.</summary>
    public static string Format(H5Group group, bool recursive = true, bool verbose = true)
    {
        ArgumentNullException.ThrowIfNull(group);
        var sb = new StringBuilder();
        var rootName = group.Name;
        sb.Append(Pad(rootName, 28)).AppendLine("Group");
        if (verbose) AppendAttributes(sb, group);
        Walk(sb, group, rootName == "/" ? "" : rootName, recursive, verbose);
        return sb.ToString();
    }

    private static void Walk(StringBuilder sb, H5Group group, string prefix, bool recursive, bool verbose)
    {
        foreach (var name in group.Keys)
        {
            var path = prefix + "/" + name;
            switch (group.GetKind(name))
            {
                case H5ObjectKind.Group:
                    using (var g = group.OpenGroup(name))
                    {
                        sb.Append(Pad(path, 28)).AppendLine("Group");
                        if (verbose) AppendAttributes(sb, g);
                        if (recursive) Walk(sb, g, path, recursive, verbose);
                    }
                    break;
                case H5ObjectKind.Dataset:
                    using (var d = group.OpenDataset(name))
                        AppendDataset(sb, d, path, verbose);
                    break;
                case H5ObjectKind.Datatype:
                    sb.Append(Pad(path, 28)).AppendLine("Type");
                    break;
                default:
                    var link = group.GetLink(name);
                    sb.Append(Pad(path, 28)).AppendLine(link.Kind == H5LinkKind.External
                        ? $"External Link {{{link.FileName}/{link.Path}}}"
                        : $"Soft Link {{{link.Path}}}");
                    break;
            }
        }
    }

    private static void AppendDataset(StringBuilder sb, H5Dataset d, string path, bool verbose)
    {
        var shape = d.Shape;
        var max = d.MaxShape;
        var dims = d.IsNull ? "NULL" : shape.Length == 0 ? "SCALAR" : "{" + string.Join(", ", shape.Select((s, i) => $"{s}/{(max[i] < 0 ? "Inf" : max[i].ToString(CultureInfo.InvariantCulture))}")) + "}";
        sb.Append(Pad(path, 28)).Append("Dataset ").AppendLine(dims);
        if (!verbose) return;
        AppendAttributes(sb, d);
        var chunks = d.Chunks;
        using var type = d.DType;
        if (chunks is not null)
            sb.Append("    Chunks:    {").Append(string.Join(", ", chunks)).Append("} ")
              .Append((chunks.Aggregate(1L, (a, b) => a * b) * type.Size).ToString(CultureInfo.InvariantCulture)).AppendLine(" bytes");
        var logical = d.NBytes;
        var stored = d.StorageSize;
        sb.Append("    Storage:   ").Append(logical).Append(" logical bytes, ").Append(stored).Append(" allocated bytes");
        if (stored > 0) sb.Append(", ").Append((100.0 * logical / stored).ToString("F2", CultureInfo.InvariantCulture)).Append("% utilization");
        sb.AppendLine();
        sb.Append("    Layout:    ").AppendLine(d.Layout.ToString());
        var filters = d.Filters;
        for (int i = 0; i < filters.Count; i++)
            sb.Append("    Filter-").Append(i).Append(":  ").Append(filters[i].Name).Append('-').Append(filters[i].Id)
              .Append("  {").Append(string.Join(", ", filters[i].ClientData)).AppendLine("}");
        sb.Append("    Type:      ").AppendLine(type.ToString());
    }

    private static void AppendAttributes(StringBuilder sb, H5Object obj)
    {
        foreach (var name in obj.Attrs.Keys)
        {
            using var a = obj.Attrs.Open(name);
            var shape = a.Shape;
            using var type = a.DType;
            sb.Append("    Attribute: ").Append(name).Append(' ')
              .Append(a.IsNull ? "null" : shape.Length == 0 ? "scalar" : "{" + string.Join(", ", shape) + "}")
              .Append("  ").Append(type).Append("  = ").AppendLine(Value(a, type));
        }
    }

    private static string Value(H5Attribute a, H5Datatype type)
    {
        if (a.Size > 8) return "…";
        try
        {
            return type.Class switch
            {
                H5TypeClass.String => string.Join(", ", a.ReadStrings().Select(s => "\"" + s + "\"")),
                H5TypeClass.Float => string.Join(", ", a.Read<double>().Select(v => v.ToString("G", CultureInfo.InvariantCulture))),
                H5TypeClass.Integer => string.Join(", ", a.Read<long>().Select(v => v.ToString(CultureInfo.InvariantCulture))),
                _ => "…",
            };
        }
        catch (H5TypeMismatchException)
        {
            return "…";
        }
    }

    private static string Pad(string s, int width) => s.Length >= width ? s + " " : s.PadRight(width);
}

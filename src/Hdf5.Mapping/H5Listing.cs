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
        var model = H5FileModel.Read(group, new H5FileModelOptions { Recursive = recursive });
        var listing = new Listing(group.File, recursive, verbose);
        var root = model.Root;
        listing.Line(root.Path, "Group");
        if (verbose) listing.Attributes(root.Path, root.Attributes);
        listing.Members(model, root, root.Path == "/" ? "" : root.Path, [root]);
        return listing.ToString();
    }

    private sealed class Listing(H5File file, bool recursive, bool verbose)
    {
        private readonly StringBuilder _sb = new();

        public override string ToString() => _sb.ToString();

        public void Line(string path, string what) => _sb.Append(Pad(path, 28)).AppendLine(what);

        // Links are listed as what they lead to, as h5ls -r lists them (a target the model does not hold is read on its
        // own); a group already open above (a group linked into itself) is named, not entered again.
        public void Members(H5FileModel model, H5GroupNode group, string prefix, HashSet<H5GroupNode> open)
        {
            foreach (var member in group.Members)
            {
                var path = prefix + "/" + member.Name;
                switch (model.Resolve(member))
                {
                    case H5LinkNode { TargetKind: H5ObjectKind.Group or H5ObjectKind.Dataset } link:
                        Outside(link, path, open);
                        break;
                    case H5LinkNode { TargetKind: H5ObjectKind.Datatype }:
                        Line(path, "Type");
                        break;
                    case H5GroupNode g when open.Contains(g):
                        Line(path, "Group, same as " + g.Path);
                        break;
                    case H5GroupNode g:
                        Line(path, "Group");
                        if (verbose) Attributes(g.Path, g.Attributes);
                        open.Add(g);
                        Members(model, g, path, open);
                        open.Remove(g);
                        break;
                    case H5DatasetNode d:
                        Dataset(d, path);
                        break;
                    case H5DatatypeNode:
                        Line(path, "Type");
                        break;
                    case H5LinkNode link:
                        Line(path, link.Kind == H5LinkKind.External ? $"External Link {{{link.FileName}/{link.TargetPath}}}" : $"Soft Link {{{link.TargetPath}}}");
                        break;
                }
            }
        }

        private void Outside(H5LinkNode link, string path, HashSet<H5GroupNode> open)
        {
            using var target = file.OpenObject(link.Path);
            if (target is H5Dataset dataset)
            {
                Dataset(H5FileModel.Read(dataset), path);
                return;
            }
            var model = H5FileModel.Read((H5Group)target, new H5FileModelOptions { Recursive = recursive });
            Line(path, "Group");
            if (verbose) Attributes(model.Root.Path, model.Root.Attributes);
            open.Add(model.Root);
            Members(model, model.Root, path, open);
        }

        private void Dataset(H5DatasetNode d, string path)
        {
            var shape = d.Shape;
            var max = d.MaxShape;
            var dims = d.IsNull ? "NULL" : shape.Length == 0 ? "SCALAR" : "{" + string.Join(", ", shape.Select((s, i) => $"{s}/{(max[i] < 0 ? "Inf" : max[i].ToString(CultureInfo.InvariantCulture))}")) + "}";
            _sb.Append(Pad(path, 28)).Append("Dataset ").AppendLine(dims);
            if (!verbose) return;
            Attributes(d.Path, d.Attributes);
            if (d.Chunks is { } chunks)
                _sb.Append("    Chunks:    {").Append(string.Join(", ", chunks)).Append("} ")
                   .Append((chunks.Aggregate(1L, (a, b) => a * b) * d.Type.Size).ToString(CultureInfo.InvariantCulture)).AppendLine(" bytes");
            var logical = d.NBytes;
            var stored = d.StorageSize;
            _sb.Append("    Storage:   ").Append(logical).Append(" logical bytes, ").Append(stored).Append(" allocated bytes");
            if (stored > 0) _sb.Append(", ").Append((100.0 * logical / stored).ToString("F2", CultureInfo.InvariantCulture)).Append("% utilization");
            _sb.AppendLine();
            _sb.Append("    Layout:    ").AppendLine(d.Layout.ToString());
            var filters = d.Filters;
            for (int i = 0; i < filters.Count; i++)
                _sb.Append("    Filter-").Append(i).Append(":  ").Append(filters[i].Name).Append('-').Append(filters[i].Id)
                   .Append("  {").Append(string.Join(", ", filters[i].ClientData)).AppendLine("}");
            _sb.Append("    Type:      ").AppendLine(d.Type.ToString());
        }

        public void Attributes(string ownerPath, IReadOnlyList<H5AttributeNode> attributes)
        {
            if (attributes.Count == 0) return;
            using var owner = file.OpenObject(ownerPath);
            foreach (var a in attributes)
                _sb.Append("    Attribute: ").Append(a.Name).Append(' ')
                   .Append(a.IsNull ? "null" : a.Shape.Length == 0 ? "scalar" : "{" + string.Join(", ", a.Shape) + "}")
                   .Append("  ").Append(a.Type).Append("  = ").AppendLine(Value(owner, a));
        }
    }

    // Small values only (h5ls prints a few): strings, floats and integers; anything else is "…".
    private static string Value(H5Object owner, H5AttributeNode node)
    {
        if (node.Size > 8) return "…";
        try
        {
            using var a = owner.Attrs.Open(node.Name);
            return node.Type.Class switch
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

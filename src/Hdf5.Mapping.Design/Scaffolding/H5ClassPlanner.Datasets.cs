using System.Globalization;
using System.Text;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping.Design.Scaffolding;

internal sealed partial class H5ClassPlanner
{
    /// <summary>How a dataset maps, decided before names are handed out.</summary>
    private sealed class DatasetPlan
    {
        public required string H5Name { get; init; }
        public required string Path { get; init; }
        public string Property { get; set; } = "";
        public string? Type { get; set; }
        public string Initializer { get; set; } = "";
        public List<string> Arguments { get; } = [];
        public List<string> ExtraAttributes { get; } = [];
        public List<string> Comments { get; } = [];
        public string? Summary { get; set; }
        public bool IsScale { get; set; }
        public bool IsData { get; set; }
        public bool IsReference { get; set; }
        public List<(int Dim, string Scale, string? Label)> Attach { get; } = [];
        public string? RegionTarget { get; set; }
        public List<(string Name, string Type, string Init, string Args)> Attributes { get; } = [];
    }

    private (string Type, string Init, string Args)? Attribute(H5AttributeNode attribute, string ownerPath, List<string> comments)
    {
        var path = ownerPath + "@" + attribute.Name;
        var shape = attribute.Shape;
        var described = H5TypeSchema.FromDescriptor(attribute.Type);
        if (described.Kind == H5ValueKind.String)
        {
            if (shape.Length > 1)
            {
                Skip(comments, path, $"a string attribute of rank {shape.Length} (mapped string attributes are scalars or 1-D)");
                return null;
            }
            var args = described.StringKind == H5StringKind.Fixed ? $", FixedLength = {described.Size}{FixedCharSet(attribute.Type)}" : "";
            return shape.Length == 0 ? ("string", " = \"\";", args) : ("string[]", " = [];", args);
        }
        var element = ElementType(attribute.Type, described, path, comments, allowCompound: false);
        if (element is null) return null;
        return shape.Length == 0 ? (element, "", "") : (ArrayType(element, shape.Length), ArrayInit(element, shape.Length), "");
    }

    // A fixed-length UTF-8 type keeps its character set: declared ASCII, its strings could not hold what they hold.
    private static string FixedCharSet(H5TypeDescriptor type) => type is H5StringType { CharSet: H5CharSet.Utf8 } ? ", CharSet = H5CharSet.Utf8" : "";

    private DatasetPlan? PlanDataset(H5DatasetNode ds, string key, string path, List<string> comments)
    {
        _objects++;
        var plan = new DatasetPlan { H5Name = key, Path = path, IsScale = ds.IsScale };
        var described = H5TypeSchema.FromDescriptor(ds.Type);
        var planned = described.Kind switch
        {
            H5ValueKind.String => PlanStrings(ds, plan, described, comments),
            H5ValueKind.RegionReference => PlanRegions(ds, plan),
            H5ValueKind.ObjectReference when ds.Rank <= 1 && MappedTargets(ds) => PlanReferences(ds, plan),
            _ => PlanValues(ds, plan, described, comments),
        };
        if (!planned) return null;
        if (plan.IsScale) plan.ExtraAttributes.Add($"DimensionScale({CSharpNames.Literal(ds.ScaleName)})");
        PlanDimensions(ds, plan);
        plan.Summary = Summary(ds);
        foreach (var attribute in ds.Attributes)
        {
            if (H5Dataset.ScaleBookkeepingAttributes.Contains(attribute.Name)) continue; // maintained by H5DS through [DimensionScale]/[AttachScale]
            _objects++;
            if (Attribute(attribute, path, plan.Comments) is { } a) plan.Attributes.Add((attribute.Name, a.Type, a.Init, a.Args));
        }
        return plan;
    }

    private bool PlanStrings(H5DatasetNode ds, DatasetPlan plan, H5TypeSchema described, List<string> comments)
    {
        var rank = ds.Rank;
        if (rank > 1)
        {
            Skip(comments, plan.Path, $"a string dataset of rank {rank} (mapped string datasets are scalars or 1-D)");
            return false;
        }
        plan.Type = rank == 0 ? "string" : "string[]";
        plan.Initializer = rank == 0 ? " = \"\";" : " = [];";
        if (described.StringKind == H5StringKind.Fixed) plan.Arguments.Add($"FixedLength = {described.Size}{FixedCharSet(ds.Type)}");
        return true;
    }

    // Regions of one dataset of the same group map to H5Region values; anything else stays raw references.
    private static bool PlanRegions(H5DatasetNode ds, DatasetPlan plan)
    {
        var rank = ds.Rank;
        if (rank == 1 && ds.References is { Targets: [var target] } && Parent(target) == Parent(plan.Path))
        {
            plan.RegionTarget = target;
            plan.Type = "H5Region[]";
            plan.Initializer = " = [];";
        }
        else
        {
            plan.Type = rank == 0 ? "H5RegionReference" : ArrayType("H5RegionReference", rank);
            plan.Initializer = rank == 0 ? "" : ArrayInit("H5RegionReference", rank);
        }
        return true;
    }

    // Every target is a group or data dataset of the graph: the references become the mapped objects themselves,
    // resolved when the file is read and rewritten to wherever they are when it is written.
    private static bool PlanReferences(H5DatasetNode ds, DatasetPlan plan)
    {
        plan.IsReference = true;
        plan.Type = ds.Rank == 0 ? "object" : "object[]";
        plan.Initializer = ds.Rank == 0 ? " = null!;" : " = [];";
        return true;
    }

    private bool PlanValues(H5DatasetNode ds, DatasetPlan plan, H5TypeSchema described, List<string> comments)
    {
        var rank = ds.Rank;
        var element = ElementType(ds.Type, described, plan.Path, comments, allowCompound: true, rank);
        if (element is null) return false;
        var lazy = _options.LazyAboveBytes is { } limit && ds.NBytes > limit && rank > 0 && described.Kind != H5ValueKind.Compound;
        if (lazy)
        {
            plan.Type = $"H5Dataset<{element}>";
            plan.Initializer = " = null!;";
            // No sizes in the comment: groups of one layout but other lengths must still share a class.
            plan.Comments.Add(string.Create(CultureInfo.InvariantCulture, $"// Lazy (more than {_options.LazyAboveBytes:N0} bytes): slices are read on demand while the file is open; use Open(path) or ReadFrom(file)."));
            return true;
        }
        plan.Type = rank == 0 ? element : ArrayType(element, rank);
        plan.Initializer = rank == 0 ? "" : ArrayInit(element, rank);
        plan.IsData = true;
        Storage(ds, plan, described);
        return true;
    }

    private static void PlanDimensions(H5DatasetNode ds, DatasetPlan plan)
    {
        for (int d = 0; d < ds.Rank; d++)
        {
            var label = ds.Dimensions[d].Label;
            var scales = ds.Dimensions[d].ScalePaths;
            foreach (var s in scales) plan.Attach.Add((d, s, scales[0] == s && label.Length > 0 ? label : null));
            if (scales.Count == 0 && label.Length > 0) plan.Comments.Add($"// The file labels dimension {d} {CSharpNames.Literal(label)} without a scale; [AttachScale] labels only dimensions that have one.");
        }
    }

    // The documentation comment of a dataset: its CF "description" or "long_name" attribute, when a scalar string.
    private static string? Summary(H5DatasetNode ds)
    {
        foreach (var name in new[] { "description", "long_name" })
            if (ds.Attributes.FirstOrDefault(a => a.Name == name) is { Type: H5StringType, Shape.Length: 0, Text: { } text })
                return text;
        return null;
    }

    // Whether every reference of the dataset points at an object the scaffolded classes map as an object:
    // a group, or a dataset that becomes an array (not a scalar, whose value has no identity).
    private bool MappedTargets(H5DatasetNode ds)
    {
        if (ds.References is not { Count: > 0 } references) return false;
        foreach (var target in references.Targets)
        {
            if (target.Length == 0 || !Selected(target) && target != "/") return false;
            switch (_model.Find(target))
            {
                case H5GroupNode:
                    continue;
                case H5DatasetNode dataset:
                    var k = H5TypeSchema.FromDescriptor(dataset.Type).Kind;
                    if (dataset.Rank == 0 || k is H5ValueKind.Other or H5ValueKind.Compound or H5ValueKind.RegionReference or H5ValueKind.ObjectReference) return false;
                    if (k == H5ValueKind.String && dataset.Rank > 1) return false;
                    continue;
                default:
                    return false;
            }
        }
        return true;
    }

    private static string Parent(string path)
    {
        var i = path.LastIndexOf('/');
        return i <= 0 ? "/" : path[..i];
    }

    // Shuffle, and one compression filter the table gives an H5FilterKind to, with its level when it has one.
    private static string? FilterArguments(H5Filter f, ref bool compression)
    {
        if (f.Id == H5FilterTable.ShuffleId) return $"{nameof(H5DatasetAttribute.Shuffle)} = true";
        if (compression || H5FilterTable.FromId(f.Id) is not { Kind: not H5FilterKind.None } known) return null;
        string? level = known.LevelKind switch
        {
            // FilterLevel = 0 means the default, so a stored level 0 (deflate without compression) cannot be said.
            H5FilterLevelKind.Level when f.ClientData.Count > 0 => f.ClientData[0] == 0 ? "" : ((int)f.ClientData[0]).ToString(CultureInfo.InvariantCulture),
            H5FilterLevelKind.PowerOfTen => f.ZfpParameters is (3, var tolerance) && Math.Log10(tolerance) is var e && e == Math.Round(e)
                ? ((int)e).ToString(CultureInfo.InvariantCulture) : "",
            _ => null,
        };
        if (level == "") return null; // a ZFP mode or tolerance FilterLevel cannot say
        compression = true;
        return $"{nameof(H5DatasetAttribute.Filter)} = {nameof(H5FilterKind)}.{known.Kind}" + (level is null ? "" : $", {nameof(H5DatasetAttribute.FilterLevel)} = {level}");
    }

    private static void Storage(H5DatasetNode ds, DatasetPlan plan, H5TypeSchema described)
    {
        switch (ds.Layout)
        {
            case H5Layout.Compact:
                plan.Arguments.Add("Layout = H5DatasetLayout.Compact");
                break;
            case H5Layout.Chunked:
                plan.Arguments.Add($"Chunks = new long[] {{ {string.Join(", ", ds.Chunks!)} }}");
                if (!ds.MaxShape.SequenceEqual(ds.Shape)) plan.Arguments.Add($"MaxShape = new long[] {{ {string.Join(", ", ds.MaxShape)} }}");
                var compression = false;
                foreach (var f in ds.Filters)
                {
                    var mapped = FilterArguments(f, ref compression);
                    if (mapped is not null) plan.Arguments.Add(mapped);
                    else plan.Comments.Add($"// The file also filters with {f}; [H5Dataset] cannot express it, reading is unaffected.");
                }
                break;
        }
        if (described.Kind is H5ValueKind.Float or H5ValueKind.SignedInteger or H5ValueKind.UnsignedInteger && ds.NumericFill is { } fill)
        {
            if (fill != 0 && !double.IsNaN(fill)) plan.Arguments.Add($"FillValue = {fill.ToString("R", CultureInfo.InvariantCulture)}");
            else if (double.IsNaN(fill)) plan.Arguments.Add("FillValue = double.NaN");
        }
    }

    private IEnumerable<string> DatasetLines(DatasetPlan plan, Dictionary<string, DatasetPlan> byPath, CSharpNames.Scope names, List<string> comments)
    {
        var sb = new StringBuilder();
        foreach (var c in plan.Comments) sb.Append("    ").Append(CSharpNames.CommentLine(c)).Append('\n');
        if (plan.Summary is not null) sb.Append("    /// <summary>").Append(CSharpNames.Doc(plan.Summary)).Append("</summary>\n");
        foreach (var a in DatasetAttributes(plan, byPath, comments)) sb.Append("    [").Append(a).Append("]\n");
        sb.Append("    public ").Append(plan.Type).Append(' ').Append(plan.Property).Append(" { get; set; }").Append(plan.Initializer).Append('\n');
        yield return sb.ToString();
        foreach (var (name, type, init, extra) in plan.Attributes)
            yield return Property(names.Claim(plan.Property + CSharpNames.Pascal(name)), type, init,
                $"[H5Attribute({CSharpNames.Literal(name)}, On = nameof({plan.Property}){extra})]");
    }

    // [H5Dataset] (or [H5Reference]) with its arguments, then [DimensionScale] and one [AttachScale] per attached scale.
    private List<string> DatasetAttributes(DatasetPlan plan, Dictionary<string, DatasetPlan> byPath, List<string> comments)
    {
        var args = new List<string>(plan.Arguments);
        if (plan.RegionTarget is not null)
        {
            if (byPath.TryGetValue(plan.RegionTarget, out var target) && target.IsData) args.Insert(0, $"RegionOf = nameof({target.Property})");
            else plan.Type = "H5RegionReference[]"; // the target is not mapped as data here: keep the raw references
        }
        var attributes = new List<string>
        {
            plan.IsReference ? $"H5Reference({CSharpNames.Literal(plan.H5Name)})"
                : $"H5Dataset({CSharpNames.Literal(plan.H5Name)}{(args.Count > 0 ? ", " + string.Join(", ", args) : "")})",
        };
        attributes.AddRange(plan.ExtraAttributes);
        foreach (var (dim, scale, label) in plan.Attach)
        {
            if (byPath.TryGetValue(scale, out var s) && s.IsScale)
                attributes.Add($"AttachScale({dim}, nameof({s.Property}){(label is null ? "" : $", Label = {CSharpNames.Literal(label)}")})");
            else
                Skip(comments, plan.Path, $"dimension {dim} has the scale {scale}, outside this group or not mapped ([AttachScale] names a scale of the same class)");
        }
        return attributes;
    }
}

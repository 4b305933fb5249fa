using System.Globalization;
using System.Text;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping.Design.Scaffolding;

/// <summary>
/// Scaffolds annotated partial classes from an existing file, as EF Core scaffolds entities from a database: the root
/// becomes an <c>[H5File]</c> class, every group an <c>[H5Group]</c> class (groups of identical layout share one class),
/// datasets and attributes become properties whose attributes keep the HDF5 names, compound types become structs,
/// enums become C# enums; chunking, filters, maximum shapes, dimension scales and region references are kept.
/// What cannot be mapped is left out with a comment saying why (and listed in <see cref="H5ScaffoldResult.Skipped"/>).
/// The sources compile with the Hdf5.Mapping generator and read the file back value for value.
/// </summary>
public static class H5Scaffolder
{

    /// <summary>Scaffolds the file at <paramref name="path"/> (opened read-only).</summary>
    public static H5ScaffoldResult Scaffold(string path, H5ScaffoldOptions? options = null)
    {
        using var file = H5File.Open(path);
        return Scaffold(file, options);
    }

    /// <summary>Scaffolds an open file.</summary>
    public static H5ScaffoldResult Scaffold(H5File file, H5ScaffoldOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= new H5ScaffoldOptions();
        // A selected path that is not in the file is a mistake (a typo would otherwise scaffold an empty root).
        foreach (var p in options.Paths ?? [])
            if (!file.ContainsKey(p))
                throw new ArgumentException($"{file.Filename} has no object at '{p}' (H5ScaffoldOptions.Paths).", nameof(options));
        var source = Path.GetFileName(file.Filename);
        var run = new Run(options, source, new Inspection.H5Visits(file, "/"), file.CreatedLowBound, H5WalkProgress.Start(options.Progress, file));
        var rootName = options.RootClassName ?? CSharpNames.Pascal(Path.GetFileNameWithoutExtension(source));
        run.Types.Claim(rootName);
        var root = run.Group(file, "/", rootName, isRoot: true);
        return new H5ScaffoldResult(root.Name, options.Namespace, run.Files(), run.Skipped, run.Objects);
    }

    /// <summary>One mapped class being built: its properties, in file order, as source lines.</summary>
    private sealed class ClassModel(string name)
    {
        public string Name { get; } = name;
        public bool IsFile { get; init; }
        public List<string> Paths { get; } = [];
        public string Body { get; set; } = "";
    }

    private sealed class TypeModel(string name, string kind, string body)
    {
        public string Name { get; } = name;
        public string Kind { get; } = kind;
        public string Body { get; } = body;
        public List<string> Paths { get; } = [];
    }

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

    private sealed class Run(H5ScaffoldOptions options, string source, Inspection.H5Visits visits, H5LibraryVersion lowBound, H5WalkProgress? progress)
    {
        private readonly Dictionary<string, ClassModel> _classesByBody = new(StringComparer.Ordinal);
        private readonly List<ClassModel> _classes = [];
        private readonly Dictionary<string, TypeModel> _typesByBody = new(StringComparer.Ordinal);
        private readonly List<TypeModel> _types = [];

        public CSharpNames.Scope Types { get; } = new();
        public List<string> Skipped { get; } = [];
        public int Objects { get; private set; }

        private void Skip(List<string> comments, string path, string reason)
        {
            Skipped.Add($"{path}: {reason}");
            comments.Add($"// Not mapped: {path}: {reason}");
        }

        // With a subset of paths: an object is mapped whole when it is at or below a selected path, as a container
        // (children only, no attributes) when it is above one, and not at all otherwise.
        private bool Selected(string path) => options.Paths is not { Count: > 0 } || options.Paths.Any(p => Under(path, Normalize(p)));

        private bool Above(string path) => options.Paths is { Count: > 0 } && options.Paths.Any(p => Under(Normalize(p), path) && Normalize(p) != path);

        private static string Normalize(string p) => "/" + p.Trim('/');

        private static bool Under(string path, string prefix) => prefix == "/" || path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);


        public ClassModel Group(H5Group group, string path, string wantedName, bool isRoot = false)
        {
            Objects++;
            progress?.Reached(path);
            var whole = Selected(path);
            var names = new CSharpNames.Scope(wantedName); // a member may not be named like its class (CS0542)
            var lines = new List<string>();
            var comments = new List<string>();

            // Group attributes.
            var attributeLines = new List<string>();
            if (whole)
                foreach (var key in group.Attrs.Keys)
                {
                    Objects++;
                    if (Attribute(group, path, key, comments) is { } a)
                        attributeLines.Add(Property(names.Claim(CSharpNames.Pascal(key)), a.Type, a.Init, $"[H5Attribute({CSharpNames.Literal(key)}{a.Args})]", null));
                }

            // Datasets first (their property names are what attributes, scales and regions refer to), then groups, in file order.
            var plans = new List<DatasetPlan>();
            var groupLines = new List<string>();
            var keys = group.Keys;
            foreach (var key in keys)
            {
                var child = H5Path.Join(path, key);
                if (!whole && !Selected(child) && !Above(child)) continue;
                var link = group.GetLink(key);
                if (link.Kind != H5LinkKind.Hard)
                {
                    Skip(comments, child, $"a {link.Kind.ToString().ToLowerInvariant()} link (to {link.FileName}{(link.FileName is null ? "" : ":")}{link.Path}); mapped classes hold hard links only");
                    continue;
                }
                var kind = group.GetKind(key);
                if ((kind == H5ObjectKind.Group || Selected(child)) && visits.FirstVisit(group.GetInfo(key), child) is { } first)
                {
                    // A group linked into itself would otherwise nest classes without end: each object is mapped once.
                    Skip(comments, child, $"another hard link to {first}, which is mapped there (each object is mapped once; writing stores it once)");
                    continue;
                }
                switch (kind)
                {
                    case H5ObjectKind.Dataset when Selected(child):
                        using (var ds = group.OpenDataset(key))
                            if (PlanDataset(ds, key, child, comments) is { } plan) plans.Add(plan);
                        break;
                    case H5ObjectKind.Group:
                        using (var g = group.OpenGroup(key))
                        {
                            var cls = Group(g, child, CSharpNames.Pascal(key));
                            groupLines.Add(Property(names.Claim(CSharpNames.Pascal(key)), cls.Name, " = new();", $"[H5Group({CSharpNames.Literal(key)})]", null));
                        }
                        break;
                    case H5ObjectKind.Datatype:
                        Skip(comments, child, "a named datatype (datasets using it are mapped with their own copy)");
                        break;
                }
            }
            foreach (var plan in plans) plan.Property = names.Claim(CSharpNames.Pascal(plan.H5Name));
            var byPath = plans.ToDictionary(p => p.Path);
            foreach (var plan in plans) lines.AddRange(DatasetLines(plan, byPath, names, comments));
            lines.InsertRange(0, attributeLines);
            lines.AddRange(groupLines);

            var body = new StringBuilder();
            foreach (var c in comments) body.Append("    ").Append(CSharpNames.CommentLine(c)).Append('\n');
            if (comments.Count > 0 && lines.Count > 0) body.Append('\n');
            body.Append(string.Join("\n", lines));

            var layout = (isRoot ? "file:" : "group:") + body;
            if (!isRoot && _classesByBody.TryGetValue(layout, out var existing))
            {
                existing.Paths.Add(path);
                return existing;
            }
            var name = isRoot ? wantedName : ClaimTypeName(wantedName, path);
            var model = new ClassModel(name) { IsFile = isRoot, Body = body.ToString() };
            model.Paths.Add(path);
            _classesByBody[layout] = model;
            _classes.Add(model);
            return model;
        }

        private string ClaimTypeName(string wanted, string path)
        {
            if (!Types.Contains(wanted) && !CSharpNames.IsReserved(wanted)) return Types.Claim(wanted);
            // Another group of the same name but another layout: qualify with the parent's name.
            var parts = path.Trim('/').Split('/');
            var qualified = parts.Length >= 2 ? CSharpNames.Pascal(parts[^2]) + wanted : wanted;
            return Types.Claim(qualified);
        }

        private static string Property(string name, string type, string init, string attribute, string? summary)
        {
            var sb = new StringBuilder();
            if (summary is not null) sb.Append("    /// <summary>").Append(CSharpNames.Doc(summary)).Append("</summary>\n");
            sb.Append("    ").Append(attribute).Append('\n');
            sb.Append("    public ").Append(type).Append(' ').Append(name).Append(" { get; set; }").Append(init).Append('\n');
            return sb.ToString();
        }

        private (string Type, string Init, string Args)? Attribute(H5Object owner, string ownerPath, string key, List<string> comments)
        {
            var path = ownerPath + "@" + key;
            using var attribute = owner.Attrs.Open(key);
            using var type = attribute.DType;
            var shape = attribute.Shape;
            var described = H5TypeSchema.FromDatatype(type);
            if (described.Kind == H5ValueKind.String)
            {
                if (shape.Length > 1)
                {
                    Skip(comments, path, $"a string attribute of rank {shape.Length} (mapped string attributes are scalars or 1-D)");
                    return null;
                }
                var args = described.StringKind == H5StringKind.Fixed ? $", FixedLength = {described.Size}{FixedCharSet(type)}" : "";
                return shape.Length == 0 ? ("string", " = \"\";", args) : ("string[]", " = [];", args);
            }
            var element = ElementType(type, described, path, comments, allowCompound: false);
            if (element is null) return null;
            return shape.Length == 0 ? (element, "", "") : (ArrayType(element, shape.Length), ArrayInit(element, shape.Length), "");
        }

        // A fixed-length UTF-8 type keeps its character set: declared ASCII, its strings could not hold what they hold.
        private static string FixedCharSet(H5Datatype type) => type.CharSet == H5CharSet.Utf8 ? ", CharSet = H5CharSet.Utf8" : "";

        private DatasetPlan? PlanDataset(H5Dataset ds, string key, string path, List<string> comments)
        {
            Objects++;
            progress?.Reached(path);
            var plan = new DatasetPlan { H5Name = key, Path = path };
            using var type = ds.DType;
            var described = H5TypeSchema.FromDatatype(type);
            var shape = ds.Shape;
            var rank = shape.Length;
            plan.IsScale = ds.IsScale;

            if (described.Kind == H5ValueKind.String)
            {
                if (rank > 1)
                {
                    Skip(comments, path, $"a string dataset of rank {rank} (mapped string datasets are scalars or 1-D)");
                    return null;
                }
                plan.Type = rank == 0 ? "string" : "string[]";
                plan.Initializer = rank == 0 ? " = \"\";" : " = [];";
                if (described.StringKind == H5StringKind.Fixed) plan.Arguments.Add($"FixedLength = {described.Size}{FixedCharSet(type)}");
            }
            else if (described.Kind == H5ValueKind.RegionReference)
            {
                // Regions of one dataset of the same group map to H5Region values; anything else stays raw references.
                if (rank == 1 && SingleRegionTarget(ds) is { } target && Parent(target) == Parent(path))
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
            }
            else if (described.Kind == H5ValueKind.ObjectReference && rank <= 1 && MappedTargets(ds, rank))
            {
                // Every target is a group or data dataset of the graph: the references become the mapped objects themselves,
                // resolved when the file is read and rewritten to wherever they are when it is written.
                plan.IsReference = true;
                plan.Type = rank == 0 ? "object" : "object[]";
                plan.Initializer = rank == 0 ? " = null!;" : " = [];";
            }
            else
            {
                var element = ElementType(type, described, path, comments, allowCompound: true, rank);
                if (element is null) return null;
                var lazy = options.LazyAboveBytes is { } limit && ds.NBytes > limit && rank > 0 && described.Kind != H5ValueKind.Compound;
                if (lazy)
                {
                    plan.Type = $"H5Dataset<{element}>";
                    plan.Initializer = " = null!;";
                    // No sizes in the comment: groups of one layout but other lengths must still share a class.
                    plan.Comments.Add(string.Create(CultureInfo.InvariantCulture, $"// Lazy (more than {options.LazyAboveBytes:N0} bytes): slices are read on demand while the file is open; use Open(path) or ReadFrom(file)."));
                }
                else
                {
                    plan.Type = rank == 0 ? element : ArrayType(element, rank);
                    plan.Initializer = rank == 0 ? "" : ArrayInit(element, rank);
                    plan.IsData = true;
                }
                if (!lazy) Storage(ds, plan, described, path, comments);
            }
            if (plan.IsScale)
            {
                var scaleName = ds.ScaleName;
                plan.ExtraAttributes.Add($"DimensionScale({CSharpNames.Literal(scaleName)})");
            }
            for (int d = 0; d < rank; d++)
            {
                var dim = ds.Dims[d];
                var label = dim.Label;
                var scales = dim.ScalePaths;
                foreach (var s in scales) plan.Attach.Add((d, s, scales[0] == s && label.Length > 0 ? label : null));
                if (scales.Count == 0 && label.Length > 0) plan.Comments.Add($"// The file labels dimension {d} {CSharpNames.Literal(label)} without a scale; [AttachScale] labels only dimensions that have one.");
            }
            foreach (var name in new[] { "description", "long_name" })
                if (plan.Summary is null && ds.Attrs.ContainsKey(name))
                {
                    using var a = ds.Attrs.Open(name);
                    using var t = a.DType;
                    if (t.Class == H5TypeClass.String && a.Shape.Length == 0) plan.Summary = a.ReadStrings()[0];
                }
            foreach (var attribute in ds.Attrs.Keys)
            {
                if (H5Dataset.ScaleBookkeepingAttributes.Contains(attribute)) continue; // maintained by H5DS through [DimensionScale]/[AttachScale]
                Objects++;
                if (Attribute(ds, path, attribute, plan.Comments) is { } a) plan.Attributes.Add((attribute, a.Type, a.Init, a.Args));
            }
            return plan;
        }

        // Whether every reference of the dataset points at an object the scaffolded classes map as an object:
        // a group, or a dataset that becomes an array (not a scalar, whose value has no identity).
        private bool MappedTargets(H5Dataset ds, int rank)
        {
            var refs = rank == 0 ? [ds.ReadScalar<H5ObjectReference>()] : ds.Read<H5ObjectReference>();
            if (refs.Length == 0) return false;
            using var root = ds.File.OpenGroup("/");
            foreach (var target in refs.Where(r => !r.IsNull).Select(ds.GetReferenceTargetName).Distinct())
            {
                if (target.Length == 0 || !Selected(target) && target != "/") return false;
                var kind = root.GetKind(target);
                if (kind == H5ObjectKind.Group) continue;
                if (kind != H5ObjectKind.Dataset) return false;
                using var targetDataset = root.OpenDataset(target);
                using var targetType = targetDataset.DType;
                var k = H5TypeSchema.FromDatatype(targetType).Kind;
                if (targetDataset.Rank == 0 || k is H5ValueKind.Other or H5ValueKind.Compound or H5ValueKind.RegionReference or H5ValueKind.ObjectReference) return false;
                if (k == H5ValueKind.String && targetDataset.Rank > 1) return false;
            }
            return true;
        }

        private static string Parent(string path)
        {
            var i = path.LastIndexOf('/');
            return i <= 0 ? "/" : path[..i];
        }

        private static string? SingleRegionTarget(H5Dataset ds)
        {
            string? target = null;
            foreach (var r in ds.Read<H5RegionReference>())
            {
                if (r.IsNull) continue;
                var name = ds.GetRegionTargetName(r);
                if (target is not null && target != name) return null;
                target = name;
            }
            return target;
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

        private void Storage(H5Dataset ds, DatasetPlan plan, H5TypeSchema described, string path, List<string> comments)
        {
            switch (ds.Layout)
            {
                case H5Layout.Compact:
                    plan.Arguments.Add("Layout = H5DatasetLayout.Compact");
                    break;
                case H5Layout.Chunked:
                    var chunks = ds.Chunks!;
                    plan.Arguments.Add($"Chunks = new long[] {{ {string.Join(", ", chunks)} }}");
                    var shape = ds.Shape;
                    var max = ds.MaxShape;
                    if (!max.SequenceEqual(shape)) plan.Arguments.Add($"MaxShape = new long[] {{ {string.Join(", ", max)} }}");
                    var compression = false;
                    foreach (var f in ds.Filters)
                    {
                        var mapped = FilterArguments(f, ref compression);
                        if (mapped is not null) plan.Arguments.Add(mapped);
                        else plan.Comments.Add($"// The file also filters with {f}; [H5Dataset] cannot express it, reading is unaffected.");
                    }
                    break;
            }
            if (described.Kind is H5ValueKind.Float or H5ValueKind.SignedInteger or H5ValueKind.UnsignedInteger)
            {
                var fill = ds.GetFillValue<double>();
                if (fill != 0 && !double.IsNaN(fill)) plan.Arguments.Add($"FillValue = {fill.ToString("R", CultureInfo.InvariantCulture)}");
                else if (double.IsNaN(fill)) plan.Arguments.Add("FillValue = double.NaN");
            }
        }

        private IEnumerable<string> DatasetLines(DatasetPlan plan, Dictionary<string, DatasetPlan> byPath, CSharpNames.Scope names, List<string> comments)
        {
            var sb = new StringBuilder();
            foreach (var c in plan.Comments) sb.Append("    ").Append(CSharpNames.CommentLine(c)).Append('\n');
            var args = new List<string>(plan.Arguments);
            if (plan.RegionTarget is not null)
            {
                if (byPath.TryGetValue(plan.RegionTarget, out var target) && target.IsData) args.Insert(0, $"RegionOf = nameof({target.Property})");
                else
                {
                    // The target is not mapped as data here: keep the raw references.
                    plan.Type = "H5RegionReference[]";
                }
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
            if (plan.Summary is not null) sb.Append("    /// <summary>").Append(CSharpNames.Doc(plan.Summary)).Append("</summary>\n");
            foreach (var a in attributes) sb.Append("    [").Append(a).Append("]\n");
            sb.Append("    public ").Append(plan.Type).Append(' ').Append(plan.Property).Append(" { get; set; }").Append(plan.Initializer).Append('\n');
            yield return sb.ToString();
            foreach (var (name, type, init, extra) in plan.Attributes)
                yield return Property(names.Claim(plan.Property + CSharpNames.Pascal(name)), type, init,
                    $"[H5Attribute({CSharpNames.Literal(name)}, On = nameof({plan.Property}){extra})]", null);
        }

        private static string ArrayType(string element, int rank) => element + "[" + new string(',', rank - 1) + "]";

        private static string ArrayInit(string element, int rank) =>
            rank == 1 ? " = [];" : $" = new {element}[{string.Join(", ", Enumerable.Repeat("0", rank))}];";

        // The C# element type of a numeric, bool, enum or compound datatype; null (and a comment) when there is none.
        private string? ElementType(H5Datatype type, H5TypeSchema described, string path, List<string> comments, bool allowCompound, int rank = 1)
        {
            switch (described.Kind)
            {
                case H5ValueKind.SignedInteger or H5ValueKind.UnsignedInteger or H5ValueKind.Float:
                    var name = Primitive(described);
                    if (name is null) Skip(comments, path, $"{described} has no .NET counterpart");
                    return name;
                case H5ValueKind.Boolean:
                    return "bool";
                case H5ValueKind.ObjectReference:
                    return "H5ObjectReference";
                case H5ValueKind.Enum:
                    return Enum((H5EnumType)type.Description, path);
                case H5ValueKind.Compound when allowCompound:
                    return Struct((H5CompoundType)type.Description, described, path, comments, rank);
                case H5ValueKind.Compound:
                    Skip(comments, path, "a compound attribute (mapped attributes hold numbers, bool, enums and strings)");
                    return null;
                default:
                    Skip(comments, path, $"its type ({described}) has no mapped counterpart");
                    return null;
            }
        }

        private static string? Primitive(H5TypeSchema t) => (t.Kind, t.Size) switch
        {
            (H5ValueKind.SignedInteger, 1) => "sbyte",
            (H5ValueKind.SignedInteger, 2) => "short",
            (H5ValueKind.SignedInteger, 4) => "int",
            (H5ValueKind.SignedInteger, 8) => "long",
            (H5ValueKind.UnsignedInteger, 1) => "byte",
            (H5ValueKind.UnsignedInteger, 2) => "ushort",
            (H5ValueKind.UnsignedInteger, 4) => "uint",
            (H5ValueKind.UnsignedInteger, 8) => "ulong",
            (H5ValueKind.Float, 2) => "System.Half",
            (H5ValueKind.Float, 4) => "float",
            (H5ValueKind.Float, 8) => "double",
            _ => null,
        };

        private string Enum(H5EnumType type, string path)
        {
            var underlying = Primitive(H5TypeSchema.FromDescriptor(type.BaseType)) ?? "int";
            var members = new CSharpNames.Scope();
            var body = new StringBuilder();
            // Members keep their HDF5 names: libhdf5 converts enum values by member name, so renamed members would not read.
            body.Append("    // Member names are the file's: libhdf5 converts enums by name, so keep them when renaming.\n");
            foreach (var (name, value) in type.Members)
            {
                var member = CSharpNames.IsIdentifier(name) ? name : members.Claim(CSharpNames.Pascal(name));
                if (member != name) Skipped.Add($"{path}: enum member '{name}' is not a C# identifier; named {member}, values of it will not convert");
                body.Append("    ").Append(member).Append(" = ").Append(value.ToString(CultureInfo.InvariantCulture)).Append(",\n");
            }
            var leaf = path.Split('/', '@')[^1];
            return Declare($"{CSharpNames.Pascal(leaf)}Kind", $"enum : {underlying}", body.ToString(), path);
        }

        // A compound of numbers, bool and enums becomes a blittable struct; one with (fixed- or variable-length) string
        // members or variable-length sequences of numbers becomes a record struct, which mapped datasets hold 1-D only.
        private string? Struct(H5CompoundType type, H5TypeSchema described, string path, List<string> comments, int rank)
        {
            var body = new StringBuilder();
            var fields = new CSharpNames.Scope();
            var isRecord = false;
            for (int i = 0; i < described.Fields.Count; i++)
            {
                var field = described.Fields[i];
                var stored = type.Members[i].Type;
                string? element = field.Type.Kind switch
                {
                    H5ValueKind.SignedInteger or H5ValueKind.UnsignedInteger or H5ValueKind.Float => Primitive(field.Type),
                    H5ValueKind.Boolean => "bool",
                    H5ValueKind.Enum => Enum((H5EnumType)stored, path + "." + field.Name),
                    H5ValueKind.String => "string",
                    _ when stored is H5SequenceType { BaseType: var b } && Primitive(H5TypeSchema.FromDescriptor(b)) is { } p => p + "[]",
                    _ => null,
                };
                if (element is null)
                {
                    Skip(comments, path, $"compound member '{field.Name}' is {field.Type} (mapped structs hold numbers, bool, enums, strings and sequences of numbers)");
                    return null;
                }
                isRecord |= element == "string" || element.EndsWith("[]", StringComparison.Ordinal);
                var name = fields.Claim(CSharpNames.Pascal(field.Name));
                var fixedLength = stored is H5StringType { IsVariableLength: false } s ? s.Size : 0;
                if (fixedLength > 0)
                    body.Append("    [H5Field(").Append(CSharpNames.Literal(field.Name)).Append(", FixedLength = ").Append(fixedLength.ToString(CultureInfo.InvariantCulture)).Append(")]\n");
                else if (name != field.Name) body.Append("    [H5Field(").Append(CSharpNames.Literal(field.Name)).Append(")]\n");
                body.Append("    public ").Append(element).Append(' ').Append(name).Append(";\n");
            }
            if (isRecord && rank != 1)
            {
                Skip(comments, path, $"a dataset of rank {rank} of compounds with string or sequence members (mapped record datasets are 1-D)");
                return null;
            }
            var leaf = path.Split('/')[^1];
            return Declare($"{CSharpNames.Pascal(leaf)}Record", "struct", body.ToString(), path);
        }

        // Structs and enums of identical layout are declared once.
        private string Declare(string wanted, string kind, string body, string path)
        {
            var key = kind + "\n" + body;
            if (!_typesByBody.TryGetValue(key, out var model))
            {
                model = new TypeModel(Types.Claim(wanted), kind, body);
                _typesByBody[key] = model;
                _types.Add(model);
            }
            model.Paths.Add(path);
            return model.Name;
        }

        public List<H5ScaffoldFile> Files()
        {
            var files = new List<H5ScaffoldFile>();
            var header = CSharpNames.CommentLine($"// Scaffolded by Hdf5.Mapping from {source}. Edit freely: the HDF5 names live in the attributes.") + "\n" +
                         "// Build with the Hdf5.Mapping package: its source generator adds Read, Write, Validate and H5Schema.\n";
            foreach (var c in _classes)
            {
                var sb = new StringBuilder(header);
                sb.Append("using Hdf5.Mapping;\n\n");
                sb.Append("namespace ").Append(options.Namespace).Append(";\n\n");
                var where = string.Join(", ", c.Paths.Take(8).Select(p => $"<c>{CSharpNames.Doc(p)}</c>")) + (c.Paths.Count > 8 ? $" and {c.Paths.Count - 8} more" : "");
                sb.Append("/// <summary>").Append(c.IsFile ? $"The root group of files like <c>{CSharpNames.Doc(source)}</c>." : $"The group{(c.Paths.Count > 1 ? "s" : "")} {where}.").Append("</summary>\n");
                // The file's format bound is kept: a latest-format file may hold what the earliest format cannot (dense attributes).
                sb.Append(!c.IsFile ? "[H5Group]\n" : lowBound == H5LibraryVersion.Earliest ? "[H5File]\n" : $"[H5File(LibverLow = H5LibraryVersion.{lowBound})]\n");
                sb.Append("public partial class ").Append(c.Name).Append("\n{\n").Append(c.Body).Append(c.Body.EndsWith('\n') || c.Body.Length == 0 ? "" : "\n").Append("}\n");
                files.Add(new H5ScaffoldFile(c.Name + ".cs", sb.ToString()));
            }
            foreach (var t in _types)
            {
                var sb = new StringBuilder(header);
                sb.Append("using Hdf5.Mapping;\n\n");
                sb.Append("namespace ").Append(options.Namespace).Append(";\n\n");
                var what = t.Kind == "struct" ? "The compound type of" : "The enum type of";
                sb.Append("/// <summary>").Append(what).Append(' ').Append(string.Join(", ", t.Paths.Take(8).Select(p => $"<c>{CSharpNames.Doc(p)}</c>"))).Append(".</summary>\n");
                var decl = t.Kind == "struct" ? $"public struct {t.Name}" : $"public enum {t.Name} {t.Kind["enum ".Length..]}";
                sb.Append(decl).Append("\n{\n").Append(t.Body).Append("}\n");
                files.Add(new H5ScaffoldFile(t.Name + ".cs", sb.ToString()));
            }
            return files;
        }
    }
}

using System.Text;

namespace Hdf5.Mapping.Design.Scaffolding;

/// <summary>
/// The second stage of scaffolding: plans classes, members, structs and enums from a <see cref="H5FileModel"/> —
/// names, C# types, mapping attributes, and what is left out and why. Pure: it reads only the model, so it is tested
/// from hand-built models without a file.
/// </summary>
internal sealed partial class H5ClassPlanner
{
    private readonly H5FileModel _model;
    private readonly H5ScaffoldOptions _options;
    private readonly Dictionary<string, H5ClassPlan> _classesByBody = new(StringComparer.Ordinal);
    private readonly List<H5ClassPlan> _classes = [];
    private readonly Dictionary<string, H5TypePlan> _typesByBody = new(StringComparer.Ordinal);
    private readonly List<H5TypePlan> _types = [];
    private readonly CSharpNames.Scope _typeNames = new();
    private readonly List<string> _skipped = [];
    private int _objects;

    private H5ClassPlanner(H5FileModel model, H5ScaffoldOptions options)
    {
        _model = model;
        _options = options;
    }

    /// <summary>Plans the classes of the file described by <paramref name="model"/> (read from its root), which was
    /// created with the format bound <paramref name="lowBound"/>.</summary>
    public static H5ScaffoldPlan Plan(H5FileModel model, H5LibraryVersion lowBound, H5ScaffoldOptions options)
    {
        var source = Path.GetFileName(model.FileName);
        var planner = new H5ClassPlanner(model, options);
        var rootName = options.RootClassName ?? CSharpNames.Pascal(Path.GetFileNameWithoutExtension(source));
        planner._typeNames.Claim(rootName);
        var root = planner.Group(model.Root, "/", rootName, isRoot: true);
        return new H5ScaffoldPlan(source, root.Name, lowBound, planner._classes, planner._types, planner._skipped, planner._objects);
    }

    private void Skip(List<string> comments, string path, string reason)
    {
        _skipped.Add($"{path}: {reason}");
        comments.Add($"// Not mapped: {path}: {reason}");
    }

    // With a subset of paths: an object is mapped whole when it is at or below a selected path, as a container
    // (children only, no attributes) when it is above one, and not at all otherwise.
    private bool Selected(string path) => _options.Paths is not { Count: > 0 } || _options.Paths.Any(p => Under(path, Normalize(p)));

    private bool Above(string path) => _options.Paths is { Count: > 0 } && _options.Paths.Any(p => Under(Normalize(p), path) && Normalize(p) != path);

    private bool Walked(string path) => Selected(path) || Above(path);

    private static string Normalize(string p) => "/" + p.Trim('/');

    private static bool Under(string path, string prefix) => prefix == "/" || path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);

    /// <summary>What one group's class holds while it is planned: its member names and lines, in their sections.</summary>
    private sealed class GroupMembers(string className)
    {
        public CSharpNames.Scope Names { get; } = new(className); // a member may not be named like its class (CS0542)
        public List<string> Comments { get; } = [];
        public List<string> AttributeLines { get; } = [];
        public List<DatasetPlan> Datasets { get; } = [];
        public List<string> GroupLines { get; } = [];
    }

    private H5ClassPlan Group(H5GroupNode group, string path, string wantedName, bool isRoot = false)
    {
        _objects++;
        var whole = Selected(path);
        var members = new GroupMembers(wantedName);
        if (whole) GroupAttributes(group, path, members);
        // Datasets first (their property names are what attributes, scales and regions refer to), then groups, in file order.
        foreach (var member in group.Members)
        {
            var child = H5Path.Join(path, member.Name);
            if (whole || Walked(child)) Member(member, child, members);
        }
        return Declare(Body(members), path, wantedName, isRoot);
    }

    private void GroupAttributes(H5GroupNode group, string path, GroupMembers members)
    {
        foreach (var attribute in group.Attributes)
        {
            _objects++;
            if (Attribute(attribute, path, members.Comments) is { } a)
                members.AttributeLines.Add(Property(members.Names.Claim(CSharpNames.Pascal(attribute.Name)), a.Type, a.Init, $"[H5Attribute({CSharpNames.Literal(attribute.Name)}{a.Args})]"));
        }
    }

    private void Member(H5ModelNode member, string child, GroupMembers members)
    {
        switch (member)
        {
            case H5LinkNode link:
                Skip(members.Comments, child, $"a {link.Kind.ToString().ToLowerInvariant()} link (to {link.FileName}{(link.FileName is null ? "" : ":")}{link.TargetPath}); mapped classes hold hard links only");
                break;
            case H5SameAsNode same when !Walked(same.FirstPath) && _model.Resolve(same) is var first && first is not H5SameAsNode:
                // The first link to it is outside the selected paths: this link is the one mapped.
                Member(first, child, members);
                break;
            case H5SameAsNode same when same.Kind == H5ObjectKind.Group || Selected(child):
                // A group linked into itself would otherwise nest classes without end: each object is mapped once.
                Skip(members.Comments, child, $"another hard link to {same.FirstPath}, which is mapped there (each object is mapped once; writing stores it once)");
                break;
            case H5DatasetNode dataset when Selected(child):
                if (PlanDataset(dataset, member.Name, child, members.Comments) is { } plan) members.Datasets.Add(plan);
                break;
            case H5GroupNode group:
                var cls = Group(group, child, CSharpNames.Pascal(member.Name));
                members.GroupLines.Add(Property(members.Names.Claim(CSharpNames.Pascal(member.Name)), cls.Name, " = new();", $"[H5Group({CSharpNames.Literal(member.Name)})]"));
                break;
            case H5DatatypeNode:
                Skip(members.Comments, child, "a named datatype (datasets using it are mapped with their own copy)");
                break;
        }
    }

    private string Body(GroupMembers members)
    {
        foreach (var plan in members.Datasets) plan.Property = members.Names.Claim(CSharpNames.Pascal(plan.H5Name));
        var byPath = members.Datasets.ToDictionary(p => p.Path);
        var lines = new List<string>(members.AttributeLines);
        foreach (var plan in members.Datasets) lines.AddRange(DatasetLines(plan, byPath, members.Names, members.Comments));
        lines.AddRange(members.GroupLines);
        var body = new StringBuilder();
        foreach (var c in members.Comments) body.Append("    ").Append(CSharpNames.CommentLine(c)).Append('\n');
        if (members.Comments.Count > 0 && lines.Count > 0) body.Append('\n');
        body.Append(string.Join("\n", lines));
        return body.ToString();
    }

    // Groups of one layout share one class.
    private H5ClassPlan Declare(string body, string path, string wantedName, bool isRoot)
    {
        var layout = (isRoot ? "file:" : "group:") + body;
        if (!isRoot && _classesByBody.TryGetValue(layout, out var existing))
        {
            existing.Paths.Add(path);
            return existing;
        }
        var name = isRoot ? wantedName : ClaimTypeName(wantedName, path);
        var plan = new H5ClassPlan(name, isRoot, body);
        plan.Paths.Add(path);
        _classesByBody[layout] = plan;
        _classes.Add(plan);
        return plan;
    }

    private string ClaimTypeName(string wanted, string path)
    {
        if (!_typeNames.Contains(wanted) && !CSharpNames.IsReserved(wanted)) return _typeNames.Claim(wanted);
        // Another group of the same name but another layout: qualify with the parent's name.
        var parts = path.Trim('/').Split('/');
        var qualified = parts.Length >= 2 ? CSharpNames.Pascal(parts[^2]) + wanted : wanted;
        return _typeNames.Claim(qualified);
    }

    private static string Property(string name, string type, string init, string attribute)
    {
        var sb = new StringBuilder();
        sb.Append("    ").Append(attribute).Append('\n');
        sb.Append("    public ").Append(type).Append(' ').Append(name).Append(" { get; set; }").Append(init).Append('\n');
        return sb.ToString();
    }
}

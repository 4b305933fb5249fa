namespace Hdf5.Mapping;

/// <summary>Options of <see cref="H5FileModel.Read(H5Group, H5FileModelOptions?)"/>.</summary>
public sealed class H5FileModelOptions
{
    /// <summary>Read every level below the start (default true); otherwise its members only, child groups without theirs.</summary>
    public bool Recursive { get; init; } = true;

    /// <summary>Also read the text of scalar string attributes (<see cref="H5AttributeNode.Text"/>).</summary>
    public bool ReadScalarStrings { get; init; }

    /// <summary>Also read what object and region reference datasets point at (<see cref="H5DatasetNode.References"/>).</summary>
    public bool ReadReferenceTargets { get; init; }

    /// <summary>Receives <see cref="H5ProgressUnit.Objects"/> as each object is read.</summary>
    public IProgress<H5Progress>? Progress { get; init; }
}

/// <summary>
/// A read-only description of a group's tree (a whole file from its root), read in one walk: groups, datasets,
/// attributes, named datatypes, soft and external links, shapes, datatypes, storage and dimension scales. Each object is
/// described once, by the first path that reaches it; a further hard link to it (a group linked into itself, a second
/// name) is a <see cref="H5SameAsNode"/>, as h5ls says "same as". The listings, the JSON description, the scaffolder and
/// the schema validator all read files through this model (EF Core's scaffolding reads a database the same way, into
/// one model every later stage uses). Values stay in the file: open the object at a node's path to read them.
/// </summary>
public sealed class H5FileModel
{
    private readonly Dictionary<string, H5ModelNode> _byPath;

    /// <summary>A model of <paramref name="root"/>'s tree in the file <paramref name="fileName"/> (the reader builds
    /// it; tests and tools may build one by hand). Every node but links and further hard links is found by its path.</summary>
    public H5FileModel(string fileName, H5GroupNode root)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(root);
        FileName = fileName;
        Root = root;
        _byPath = new Dictionary<string, H5ModelNode>(StringComparer.Ordinal);
        Index(root);
    }

    private void Index(H5ModelNode node)
    {
        if (node is H5LinkNode or H5SameAsNode) return;
        _byPath[node.Path] = node;
        if (node is H5GroupNode group)
            foreach (var member in group.Members) Index(member);
    }

    /// <summary>The file's name as it was opened.</summary>
    public string FileName { get; }

    /// <summary>The group the walk started at (the root group for a whole file).</summary>
    public H5GroupNode Root { get; }

    /// <summary>Reads the tree of <paramref name="group"/> (a file's root or any group).</summary>
    public static H5FileModel Read(H5Group group, H5FileModelOptions? options = null) =>
        H5FileModelReader.Read(group, options ?? new H5FileModelOptions());

    /// <summary>Reads one dataset's description.</summary>
    public static H5DatasetNode Read(H5Dataset dataset, H5FileModelOptions? options = null) =>
        H5FileModelReader.ReadDataset(dataset, options ?? new H5FileModelOptions());

    /// <summary>The object described at <paramref name="path"/> (absolute, or relative to <see cref="Root"/>), following
    /// further hard links and soft links inside the model to the node where the object is described; null when the
    /// path leads outside what was read, through an external link, or to nothing.</summary>
    public H5ModelNode? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var absolute = path.StartsWith('/') ? path : H5Path.Join(Root.Path, path);
        return Resolve(Walk(absolute, depth: 0), depth: 0);
    }

    /// <summary>The node where <paramref name="node"/>'s object is described: itself, or for a <see cref="H5SameAsNode"/>
    /// the first node, for a soft link its target when the model holds it (else the link itself).</summary>
    public H5ModelNode Resolve(H5ModelNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Resolve(node, depth: 0) ?? node;
    }

    // Soft links may chain; libhdf5 stops following them after 16 (H5L_NUM_LINKS), and so does this.
    private const int MaxLinkDepth = 16;

    private H5ModelNode? Resolve(H5ModelNode? node, int depth) => node switch
    {
        _ when depth > MaxLinkDepth => null,
        H5SameAsNode same => _byPath.GetValueOrDefault(same.FirstPath),
        H5LinkNode { Kind: H5LinkKind.Soft } soft => Resolve(Walk(Target(soft), depth + 1), depth + 1),
        H5LinkNode => null,
        _ => node,
    };

    private static string Target(H5LinkNode soft)
    {
        if (soft.TargetPath.StartsWith('/')) return soft.TargetPath;
        var slash = soft.Path.LastIndexOf('/');
        return H5Path.Join(slash <= 0 ? "/" : soft.Path[..slash], soft.TargetPath);
    }

    private H5ModelNode? Walk(string absolute, int depth)
    {
        if (_byPath.TryGetValue(absolute, out var known)) return known;
        var start = Root.Path == "/" ? "" : Root.Path;
        if (absolute != Root.Path && !absolute.StartsWith(start + "/", StringComparison.Ordinal)) return null;
        H5ModelNode current = Root;
        foreach (var part in absolute[start.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (Resolve(current, depth) is not H5GroupNode group || group.Member(part) is not { } next) return null;
            current = next;
        }
        return current;
    }
}

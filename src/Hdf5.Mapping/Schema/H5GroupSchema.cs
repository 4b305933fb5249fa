namespace Hdf5.Mapping.Schema;

/// <summary>How a child group of a schema holds its items.</summary>
public enum H5GroupCollection
{
    /// <summary>One group, described by the schema.</summary>
    None,
    /// <summary>A group whose children "0", "1", ... are each described by the schema (a mapped <c>List&lt;T&gt;</c>).</summary>
    List,
    /// <summary>A group whose children, any names, are each described by the schema (a mapped <c>Dictionary&lt;string, T&gt;</c>).</summary>
    Dictionary,
}

/// <summary>
/// The layout a group (or a whole file) is expected to have: its attributes, datasets and child groups. The source
/// generator emits one for every <c>[H5File]</c> and <c>[H5Group]</c> class as its static <c>H5Schema</c> property;
/// schemas can also be built by hand. Check a file with <see cref="H5SchemaValidator"/>.
/// </summary>
/// <param name="typeName">The name of the mapped class it describes (for messages), or null.</param>
public sealed class H5GroupSchema(string? typeName = null)
{
    /// <summary>The mapped class it describes, or null.</summary>
    public string? TypeName { get; } = typeName;

    /// <summary>Attributes of the group.</summary>
    public IList<H5AttributeSchema> Attributes { get; } = new List<H5AttributeSchema>();

    /// <summary>Datasets of the group (names may be paths through intermediate groups).</summary>
    public IList<H5DatasetSchema> Datasets { get; } = new List<H5DatasetSchema>();

    /// <summary>Child groups.</summary>
    public IList<H5GroupLinkSchema> Groups { get; } = new List<H5GroupLinkSchema>();

    /// <inheritdoc/>
    public override string ToString() => $"{TypeName ?? "group"}: {Attributes.Count} attributes, {Datasets.Count} datasets, {Groups.Count} groups";
}

/// <summary>A child group of a <see cref="H5GroupSchema"/>.</summary>
/// <param name="name">The child's name, relative to the parent (may contain '/').</param>
/// <param name="schema">What the child (or, for a collection, each of its items) contains.</param>
public sealed class H5GroupLinkSchema(string name, H5GroupSchema schema)
{
    /// <summary>The HDF5 name, relative to the parent.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>What the group (or each item of a collection) contains.</summary>
    public H5GroupSchema Schema { get; } = schema ?? throw new ArgumentNullException(nameof(schema));

    /// <summary>One group, or a collection of item groups.</summary>
    public H5GroupCollection Collection { get; init; }

    /// <summary>Whether a file must have it.</summary>
    public bool IsRequired { get; init; } = true;

    /// <summary>The C# member that holds it, when the schema comes from a mapped class.</summary>
    public string? MemberName { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}/ ({Schema.TypeName ?? "group"}{(Collection == H5GroupCollection.None ? "" : ", " + Collection)})";
}

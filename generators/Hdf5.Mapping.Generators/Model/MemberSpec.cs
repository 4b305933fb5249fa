namespace Hdf5.Mapping.Generators.Model;

/// <summary>How a property is stored.</summary>
internal enum MemberKind
{
    /// <summary>An HDF5 attribute of the group, or of a dataset of the class (<see cref="MemberSpec.Target"/>).</summary>
    Attribute,
    /// <summary>An HDF5 dataset.</summary>
    Dataset,
    /// <summary>A child group (or a list/dictionary of them).</summary>
    Group,
    /// <summary>References to other mapped objects (or regions of them), stored as a dataset.</summary>
    Reference,
}

/// <summary>What holds the elements of a member.</summary>
internal enum CollectionKind
{
    /// <summary>The value itself: a scalar, an array of <see cref="MemberSpec.Rank"/> dimensions, one group or one reference.</summary>
    None,
    /// <summary>A T[] of references.</summary>
    Array,
    /// <summary>A List&lt;T&gt;.</summary>
    List,
    /// <summary>A Dictionary&lt;string, TGroup&gt;.</summary>
    Dictionary,
    /// <summary>An H5Dataset&lt;T&gt;: a lazy view that stays open with the file.</summary>
    Lazy,
}

/// <summary>What the elements are.</summary>
internal enum ElementKind
{
    /// <summary>Numbers, bool, enums, Half and the HDF5 reference structs: one native HDF5 type each.</summary>
    Value,
    /// <summary>A blittable struct stored as a compound type.</summary>
    Compound,
    /// <summary>A record: a class or struct with string or sequence members, stored as a compound type and read and
    /// written member by member through the element type registered for it.</summary>
    Record,
    /// <summary>Strings.</summary>
    String,
    /// <summary>Objects of a mapped group class.</summary>
    Group,
    /// <summary>Mapped objects a reference points to (a group object, a dataset's array, or object for either).</summary>
    MappedObject,
    /// <summary>H5Region values: regions of one dataset (<see cref="MemberSpec.RegionOf"/>).</summary>
    Region,
    /// <summary>H5MappedRegion values: regions of any mapped dataset, each naming its dataset by its array.</summary>
    MappedRegion,
}

/// <summary>How a generated ReadFrom gives a read value to the property.</summary>
internal enum Assignment
{
    /// <summary>Through a setter, after the object is created.</summary>
    Set,
    /// <summary>In the object initializer (init-only and required properties).</summary>
    Init,
    /// <summary>Into the collection a get-only property already holds (cleared, then filled).</summary>
    FillInPlace,
}

/// <summary>Where a dataset named by another member lives.</summary>
internal enum LinkAnchor
{
    /// <summary>In the same group: a dataset property of the same class.</summary>
    SameGroup,
    /// <summary>At a path relative to this class's group (a nameof chain through child groups, or a relative path).</summary>
    Relative,
    /// <summary>At a path from the root of the mapped file (a nameof chain from the [H5File] class, or an absolute path).</summary>
    Root,
}

/// <summary>A dataset another member points at: a scale to attach, the dataset regions select from.</summary>
/// <param name="Anchor">Where the path starts.</param>
/// <param name="Path">The HDF5 path from the anchor (the dataset's name for <see cref="LinkAnchor.SameGroup"/>).</param>
/// <param name="Property">For <see cref="LinkAnchor.SameGroup"/>: the property, whose null value means the dataset is not written.</param>
/// <param name="IsOptional">For <see cref="LinkAnchor.SameGroup"/>: whether that property is nullable.</param>
/// <param name="RootType">For a nameof chain from an [H5File] class: its global:: name (the graph's root must be one).</param>
internal sealed record LinkSpec(LinkAnchor Anchor, string Path, string? Property = null, bool IsOptional = false, string? RootType = null);

/// <summary>A dimension scale attached to one dimension of a mapped dataset.</summary>
/// <param name="Dimension">The host dataset's dimension.</param>
/// <param name="Scale">The scale dataset.</param>
/// <param name="Label">The dimension label, or null.</param>
internal sealed record ScaleAttachment(int Dimension, LinkSpec Scale, string? Label);

/// <summary>How strings are stored.</summary>
/// <param name="FixedLength">0 for variable length; bytes per value for fixed length; -1 (H5FixedLength.OfValue) for fixed, as long as the value.</param>
/// <param name="CharSet">The character set fixed-length strings declare (variable-length strings are UTF-8).</param>
/// <param name="Padding">The padding of fixed-length strings.</param>
internal sealed record StringSpec(int FixedLength, H5CharSet CharSet, H5StringPadding Padding)
{
    public bool IsFixed => FixedLength != 0;
}

/// <summary>The storage options of a dataset.</summary>
internal sealed record StorageSpec
{
    public EquatableArray<long> Chunks { get; init; } = EquatableArray<long>.Empty;
    public EquatableArray<long> MaxShape { get; init; } = EquatableArray<long>.Empty;
    public H5DatasetLayout Layout { get; init; }
    /// <summary>The fill value as a C# literal of the element type, or null.</summary>
    public string? FillValue { get; init; }
    public H5FilterKind Filter { get; init; }
    public int FilterLevel { get; init; }
    public bool Shuffle { get; init; }
    /// <summary>The expected shape (-1 for any length), empty when not declared; for the schema and compile-time checks.</summary>
    public EquatableArray<long> Shape { get; init; } = EquatableArray<long>.Empty;
    /// <summary>HDF5 filter ids of the pipeline (shuffle, then the compression filter), for the schema.</summary>
    public EquatableArray<int> FilterIds { get; init; } = EquatableArray<int>.Empty;

    public bool HasOptions => Chunks.Length > 0 || MaxShape.Length > 0 || Layout != H5DatasetLayout.Auto || FillValue is not null || Filter != H5FilterKind.None || Shuffle;

    public static StorageSpec None { get; } = new();
}

/// <summary>One mapped property.</summary>
internal sealed record MemberSpec
{
    /// <summary>The C# property name.</summary>
    public string PropertyName { get; init; } = "";
    /// <summary>The HDF5 name (or relative path).</summary>
    public string H5Name { get; init; } = "";
    public MemberKind Kind { get; init; }
    /// <summary>The global:: name of the property's type, with its nullable annotation (the type of ReadFrom's local).</summary>
    public string PropertyType { get; init; } = "";
    /// <summary>The global:: name of the element type (the array element, the scalar, the group class, the referenced type).</summary>
    public string ElementType { get; init; } = "";
    public ElementKind Element { get; init; }
    /// <summary>0 for a scalar, 1.. for arrays and lists.</summary>
    public int Rank { get; init; }
    public CollectionKind Collection { get; init; }
    /// <summary>Nullable: absent in the file reads as null, null is not written.</summary>
    public bool IsOptional { get; init; }
    public Assignment Assignment { get; init; }
    /// <summary>For strings: how they are stored.</summary>
    public StringSpec? String { get; init; }
    /// <summary>For an attribute stored on a dataset of the same class: that dataset's HDF5 name; null for the group.</summary>
    public string? Target { get; init; }
    /// <summary>For datasets: chunks, filters, layout, fill value and declared shape.</summary>
    public StorageSpec Storage { get; init; } = StorageSpec.None;
    /// <summary>For H5Region values: the dataset the regions select from.</summary>
    public LinkSpec? RegionOf { get; init; }
    /// <summary>For a [DimensionScale] dataset: the scale name ("" for none); null when not a scale.</summary>
    public string? ScaleName { get; init; }
    /// <summary>Scales attached to this dataset's dimensions.</summary>
    public EquatableArray<ScaleAttachment> Scales { get; init; } = EquatableArray<ScaleAttachment>.Empty;

    public bool IsString => Element == ElementKind.String;
    public bool IsLazy => Collection == CollectionKind.Lazy;
    public bool IsList => Collection == CollectionKind.List;
    /// <summary>A dataset of values (not regions, not lazy).</summary>
    public bool HoldsData => Kind == MemberKind.Dataset && (Element is ElementKind.Value or ElementKind.Compound or ElementKind.String) && !IsLazy;
}

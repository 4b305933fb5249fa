namespace Hdf5.Mapping.Schema;

/// <summary>A dataset a schema expects: its datatype, rank and (where fixed) shape, storage, attributes and scales.</summary>
/// <param name="name">The dataset's name, relative to its group (may contain '/').</param>
/// <param name="type">Its datatype.</param>
/// <param name="rank">0 for a scalar, 1.. for an array, -1 for any rank.</param>
public sealed class H5DatasetSchema(string name, H5TypeSchema type, int rank)
{
    /// <summary>The HDF5 name, relative to the group.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The expected datatype.</summary>
    public H5TypeSchema Type { get; } = type ?? throw new ArgumentNullException(nameof(type));

    /// <summary>0 for a scalar, 1.. for an array, -1 for any rank.</summary>
    public int Rank { get; } = rank;

    /// <summary>The expected shape where it is fixed: one entry per dimension, -1 for a dimension of any length; null for any shape.</summary>
    public long[]? Shape { get; init; }

    /// <summary>Whether a file must have it (false for nullable members).</summary>
    public bool IsRequired { get; init; } = true;

    /// <summary>The C# member that holds it, when the schema comes from a mapped class.</summary>
    public string? MemberName { get; init; }

    /// <summary>The chunk shape the writer uses, or null for unchunked storage. Informative: validation does not require
    /// the same chunks, only chunked storage when <see cref="Filters"/> are expected.</summary>
    public long[]? Chunks { get; init; }

    /// <summary>The maximum shape the writer declares (-1 unlimited), or null.</summary>
    public long[]? MaxShape { get; init; }

    /// <summary>Filter ids the dataset's pipeline must contain (1 deflate, 2 shuffle, 32015 Zstd, ...).</summary>
    public IList<int> Filters { get; } = new List<int>();

    /// <summary>Attributes of this dataset.</summary>
    public IList<H5AttributeSchema> Attributes { get; } = new List<H5AttributeSchema>();

    /// <summary>Non-null when the dataset must be a dimension scale: its scale name ("" for none, any name accepted).</summary>
    public string? ScaleName { get; init; }

    /// <summary>Scales that must be attached to dimensions of this dataset.</summary>
    public IList<H5ScaleAttachmentSchema> Scales { get; } = new List<H5ScaleAttachmentSchema>();

    /// <summary>For region references: the dataset (same group) they select from.</summary>
    public string? RegionOf { get; init; }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Name}: {Type}, {(Rank < 0 ? "any rank" : Shape is null ? $"rank {Rank}" : "shape (" + string.Join(", ", Shape.Select(d => d < 0 ? "*" : d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")")}{(IsRequired ? "" : " (optional)")}";
}

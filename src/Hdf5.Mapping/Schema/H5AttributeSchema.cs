namespace Hdf5.Mapping.Schema;

/// <summary>An attribute a schema expects on a group or dataset.</summary>
/// <param name="name">The attribute's HDF5 name.</param>
/// <param name="type">Its datatype.</param>
/// <param name="rank">0 for a scalar, 1.. for an array; -1 for any.</param>
public sealed class H5AttributeSchema(string name, H5TypeSchema type, int rank = 0)
{
    /// <summary>The HDF5 name.</summary>
    public string Name { get; } = name ?? throw new ArgumentNullException(nameof(name));

    /// <summary>The expected datatype.</summary>
    public H5TypeSchema Type { get; } = type ?? throw new ArgumentNullException(nameof(type));

    /// <summary>0 for a scalar, 1.. for an array, -1 for any rank.</summary>
    public int Rank { get; } = rank;

    /// <summary>Whether a file must have it (false for nullable members).</summary>
    public bool IsRequired { get; init; } = true;

    /// <summary>The C# member that holds it, when the schema comes from a mapped class.</summary>
    public string? MemberName { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"@{Name}: {Type}{(Rank > 0 ? $" [rank {Rank}]" : "")}{(IsRequired ? "" : " (optional)")}";
}

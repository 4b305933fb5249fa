namespace Hdf5.Mapping;

/// <summary>A group as <see cref="H5FileModel"/> read it: its attributes and its links in the group's order.</summary>
public sealed class H5GroupNode : H5ModelNode
{
    /// <summary>Describes one object (the reader builds these; tests and tools may build a model by hand).</summary>
    public H5GroupNode(string name, string path, IReadOnlyList<H5AttributeNode> attributes, int memberCount, IReadOnlyList<H5ModelNode>? members)
        : base(name, path)
    {
        Attributes = attributes;
        MemberCount = memberCount;
        Members = members ?? [];
        IsExpanded = members is not null;
    }

    /// <summary>The group's attributes, in the file's order.</summary>
    public IReadOnlyList<H5AttributeNode> Attributes { get; }

    /// <summary>How many links the group holds (h5py: <c>len(group)</c>), whether or not <see cref="Members"/> were read.</summary>
    public int MemberCount { get; }

    /// <summary>The group's links in the group's order; empty when the walk did not go below this group (a listing
    /// that is not recursive, see <see cref="IsExpanded"/>).</summary>
    public IReadOnlyList<H5ModelNode> Members { get; }

    /// <summary>Whether <see cref="Members"/> were read.</summary>
    public bool IsExpanded { get; }

    /// <summary>The member linked as <paramref name="name"/>, or null.</summary>
    public H5ModelNode? Member(string name)
    {
        foreach (var m in Members)
            if (m.Name == name) return m;
        return null;
    }
}

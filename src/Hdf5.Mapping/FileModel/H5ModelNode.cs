namespace Hdf5.Mapping;

/// <summary>
/// One link of a group as <see cref="H5FileModel"/> read it: a <see cref="H5GroupNode"/>, <see cref="H5DatasetNode"/> or
/// <see cref="H5DatatypeNode"/> where an object was first reached, a <see cref="H5LinkNode"/> for a soft or external
/// link, or a <see cref="H5SameAsNode"/> for a further hard link to an object already described (h5ls: "same as").
/// Plain immutable data: reading it needs no libhdf5 call.
/// </summary>
public abstract class H5ModelNode
{
    private protected H5ModelNode(string name, string path)
    {
        Name = name;
        Path = path;
    }

    /// <summary>The link's name in its group ("/" for a file's root).</summary>
    public string Name { get; }

    /// <summary>The path the walk reached it by (h5py: <c>obj.name</c>).</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override string ToString() => Path;
}

/// <summary>A committed (named) datatype (h5py: <c>h5py.Datatype</c>).</summary>
public sealed class H5DatatypeNode : H5ModelNode
{
    /// <summary>Describes one object (the reader builds these; tests and tools may build a model by hand).</summary>
    public H5DatatypeNode(string name, string path) : base(name, path) { }
}

/// <summary>A soft link (<see cref="Kind"/> <see cref="H5LinkKind.Soft"/>: <see cref="TargetPath"/> in this file) or an
/// external link (<see cref="H5LinkKind.External"/>: <see cref="TargetPath"/> in <see cref="FileName"/>); the walk does
/// not follow links (h5py: <c>h5py.SoftLink</c>, <c>h5py.ExternalLink</c>).</summary>
public sealed class H5LinkNode : H5ModelNode
{
    /// <summary>Describes one object (the reader builds these; tests and tools may build a model by hand).</summary>
    public H5LinkNode(string name, string path, H5LinkKind kind, string targetPath, string? fileName, H5ObjectKind targetKind)
        : base(name, path)
    {
        Kind = kind;
        TargetPath = targetPath;
        FileName = fileName;
        TargetKind = targetKind;
    }

    /// <summary><see cref="H5LinkKind.Soft"/> or <see cref="H5LinkKind.External"/>.</summary>
    public H5LinkKind Kind { get; }

    /// <summary>The path the link names (in <see cref="FileName"/> for an external link).</summary>
    public string TargetPath { get; }

    /// <summary>The file an external link names; null for a soft link.</summary>
    public string? FileName { get; }

    /// <summary>What the link resolves to when the model was read (<see cref="H5ObjectKind.DanglingLink"/> when nothing).</summary>
    public H5ObjectKind TargetKind { get; }
}

/// <summary>A further hard link to an object the walk described at <see cref="FirstPath"/> (a second name of one
/// object, or a group linked into itself): each object is described once, as h5ls reports "same as".</summary>
public sealed class H5SameAsNode : H5ModelNode
{
    /// <summary>Describes one object (the reader builds these; tests and tools may build a model by hand).</summary>
    public H5SameAsNode(string name, string path, H5ObjectKind kind, string firstPath) : base(name, path)
    {
        Kind = kind;
        FirstPath = firstPath;
    }

    /// <summary>The object's kind: group, dataset or datatype.</summary>
    public H5ObjectKind Kind { get; }

    /// <summary>The path the object was first reached and described by.</summary>
    public string FirstPath { get; }
}

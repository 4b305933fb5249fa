namespace Hdf5.Mapping;

/// <summary>An attribute as <see cref="H5FileModel"/> read it: name, datatype and shape; its values stay in the file
/// (open the owner's <c>Attrs</c> to read them) except the text of scalar strings when the model was asked for it.</summary>
public sealed class H5AttributeNode
{
    /// <summary>Describes one object (the reader builds these; tests and tools may build a model by hand).</summary>
    public H5AttributeNode(string name, H5TypeDescriptor type, long[] shape, bool isNull, long size, string? text)
    {
        Name = name;
        Type = type;
        Shape = shape;
        IsNull = isNull;
        Size = size;
        Text = text;
    }

    /// <summary>The attribute's name.</summary>
    public string Name { get; }

    /// <summary>Its datatype, in the one type model (h5py: <c>attrs.get_id(name).dtype</c>).</summary>
    public H5TypeDescriptor Type { get; }

    /// <summary>Its shape: empty for a scalar (and for a null dataspace, see <see cref="IsNull"/>).</summary>
    public long[] Shape { get; }

    /// <summary>Whether the dataspace is null (h5py: <c>h5py.Empty</c>).</summary>
    public bool IsNull { get; }

    /// <summary>The number of elements: 1 for a scalar, 0 for a null dataspace.</summary>
    public long Size { get; }

    /// <summary>The value of a scalar string attribute when <see cref="H5FileModelOptions.ReadScalarStrings"/> was set;
    /// otherwise null.</summary>
    public string? Text { get; }

    /// <inheritdoc/>
    public override string ToString() => $"@{Name}: {Type}";
}

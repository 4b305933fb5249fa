namespace Hdf5.Mapping;

/// <summary>A dataset as <see cref="H5FileModel"/> read it: datatype, shape, storage, dimension scales and attributes.
/// Its values stay in the file.</summary>
public sealed class H5DatasetNode : H5ModelNode
{
    /// <summary>Describes one object (the reader builds these; tests and tools may build a model by hand).</summary>
    public H5DatasetNode(string name, string path) : base(name, path) { }

    /// <summary>The datatype, in the one type model (h5py: <c>dset.dtype</c>).</summary>
    public required H5TypeDescriptor Type { get; init; }

    /// <summary>The shape: empty for a scalar (and for a null dataspace, see <see cref="IsNull"/>).</summary>
    public required long[] Shape { get; init; }

    /// <summary>The maximum shape, -1 for an unlimited dimension (h5py: <c>dset.maxshape</c>, <c>None</c>).</summary>
    public required long[] MaxShape { get; init; }

    /// <summary>Whether the dataspace is null (h5py: <c>h5py.Empty</c>).</summary>
    public bool IsNull { get; init; }

    /// <summary>The number of elements (h5py: <c>dset.size</c>).</summary>
    public long Size { get; init; }

    /// <summary>The logical size in bytes (h5py: <c>dset.nbytes</c>).</summary>
    public long NBytes { get; init; }

    /// <summary>The bytes allocated in the file (h5py: <c>dset.id.get_storage_size()</c>).</summary>
    public long StorageSize { get; init; }

    /// <summary>Contiguous (the default), chunked, compact or virtual storage.</summary>
    public H5Layout Layout { get; init; } = H5Layout.Contiguous;

    /// <summary>The chunk shape, or null when not chunked (h5py: <c>dset.chunks</c>).</summary>
    public long[]? Chunks { get; init; }

    /// <summary>The filter pipeline, in order.</summary>
    public IReadOnlyList<H5Filter> Filters { get; init; } = [];

    /// <summary>The fill value as a double, for integer and floating-point datasets; otherwise null.</summary>
    public double? NumericFill { get; init; }

    /// <summary>Whether the dataset is a dimension scale, and its scale name ("" for none).</summary>
    public bool IsScale { get; init; }

    /// <summary>The scale name when <see cref="IsScale"/> ("" for none).</summary>
    public string ScaleName { get; init; } = "";

    /// <summary>Each dimension's label and attached scales.</summary>
    public IReadOnlyList<H5DimensionNode> Dimensions { get; init; } = [];

    /// <summary>The dataset's attributes, in the file's order.</summary>
    public IReadOnlyList<H5AttributeNode> Attributes { get; init; } = [];

    /// <summary>For a reference dataset of rank 0 or 1 (object) or 1 (region), when
    /// <see cref="H5FileModelOptions.ReadReferenceTargets"/> was set: the references it holds; otherwise null.</summary>
    public H5ReferenceTargets? References { get; init; }

    /// <summary>The rank (0 for a scalar).</summary>
    public int Rank => Shape.Length;
}

/// <summary>One dimension of a dataset: its label (h5py: <c>dset.dims[i].label</c>) and the paths of the scales attached
/// to it, in attachment order.</summary>
public sealed record H5DimensionNode(string Label, IReadOnlyList<string> ScalePaths);

/// <summary>What a reference dataset points at: how many references it holds (null ones included) and the distinct
/// paths of their targets (null references left out), in first-seen order.</summary>
public sealed record H5ReferenceTargets(long Count, IReadOnlyList<string> Targets);

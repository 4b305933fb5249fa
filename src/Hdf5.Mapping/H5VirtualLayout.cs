namespace Hdf5.Mapping;

/// <summary>
/// A dataset (in another file or the same one) that a virtual dataset maps data from (h5py: <c>VirtualSource</c>):
/// its file, its path, its shape and maximum shape, and the part of it that is mapped (everything, or a hyperslab
/// chosen by indexing: <c>source[0..100]</c>, <c>source[H5Selector.Slice(0, null, 2)]</c>, <see cref="Select"/>).
/// </summary>
public sealed class H5VirtualSource
{
    /// <summary>Describes a source dataset (h5py: <c>VirtualSource(path, name, shape, maxshape=)</c>). A relative
    /// <paramref name="fileName"/> is found by libhdf5 relative to the virtual dataset's file (then the working
    /// directory); "." names the virtual dataset's own file. libhdf5's <c>%b</c> (the virtual file's base name) and
    /// printf-style <c>%d</c> patterns pass through unchanged.</summary>
    public H5VirtualSource(string fileName, string datasetName, long[] shape, long[]? maxShape = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentException.ThrowIfNullOrEmpty(datasetName);
        ArgumentNullException.ThrowIfNull(shape);
        if (maxShape is not null && maxShape.Length != shape.Length)
            throw new ArgumentException($"maxShape {H5Shape.Format(maxShape)} has rank {maxShape.Length}, the shape {H5Shape.Format(shape)} has rank {shape.Length}.", nameof(maxShape));
        FileName = fileName;
        DatasetName = datasetName;
        Shape = (long[])shape.Clone();
        MaxShape = maxShape is null ? null : (long[])maxShape.Clone();
    }

    private H5VirtualSource(H5VirtualSource source, H5Hyperslab selection)
    {
        FileName = source.FileName;
        DatasetName = source.DatasetName;
        Shape = source.Shape;
        MaxShape = source.MaxShape;
        Selection = selection;
    }

    /// <summary>Describes an open dataset as a source: its file, path, shape and maximum shape (h5py: <c>VirtualSource(dset)</c>).</summary>
    public static H5VirtualSource Of(H5Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new H5VirtualSource(dataset.File.Filename, dataset.Name, dataset.Shape, dataset.MaxShape);
    }

    /// <summary>The file holding the source dataset ("." for the virtual dataset's own file).</summary>
    public string FileName { get; }

    /// <summary>The path of the source dataset in its file.</summary>
    public string DatasetName { get; }

    /// <summary>The source's shape.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The source's maximum shape (<see cref="H5Dataset.Unlimited"/> for unlimited dimensions), or null for its shape.</summary>
    public IReadOnlyList<long>? MaxShape { get; }

    /// <summary>The mapped part of the source; null for all of it.</summary>
    public H5Hyperslab? Selection { get; }

    /// <summary>The same source with a hyperslab of it selected, as h5py's <c>source[...]</c> (dimensions are never
    /// dropped: an index selects one element along its dimension).</summary>
    public H5VirtualSource this[params H5Selector[] selectors] => Select(H5Hyperslab.FromSelectors(Shape.ToArray(), selectors));

    /// <summary>The same source with <paramref name="selection"/> selected (for strided blocks and unlimited counts).</summary>
    public H5VirtualSource Select(H5Hyperslab selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (selection.Rank != Shape.Count)
            throw new ArgumentException($"The selection has rank {selection.Rank}; the source '{DatasetName}' has rank {Shape.Count}.", nameof(selection));
        return new H5VirtualSource(this, selection);
    }

    internal long? ElementCount => Selection is null ? H5Shape.Product(Shape.ToArray()) : Selection.ElementCount;
}

/// <summary>
/// The shape of a virtual dataset and which part of it maps which source (h5py: <c>VirtualLayout</c>). Assign
/// sources to regions with the indexer, <c>layout[0, ..] = source</c>, or <see cref="Map"/>; then create the dataset
/// with <see cref="H5Group.CreateVirtualDataset{T}(string, H5VirtualLayout, H5DatasetOptions?)"/>. Regions no source
/// maps read as the fill value.
/// </summary>
public sealed class H5VirtualLayout
{
    private readonly List<(H5Hyperslab? Region, H5VirtualSource Source)> _mappings = [];

    /// <summary>A layout of <paramref name="shape"/>, growable up to <paramref name="maxShape"/> (-1 = unlimited).</summary>
    public H5VirtualLayout(long[] shape, long[]? maxShape = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length == 0) throw new ArgumentException("A virtual dataset cannot be scalar: give it at least one dimension.", nameof(shape));
        if (maxShape is not null && maxShape.Length != shape.Length)
            throw new ArgumentException($"maxShape {H5Shape.Format(maxShape)} has rank {maxShape.Length}, the shape {H5Shape.Format(shape)} has rank {shape.Length}.", nameof(maxShape));
        Shape = (long[])shape.Clone();
        MaxShape = maxShape is null ? null : (long[])maxShape.Clone();
    }

    /// <summary>The virtual dataset's shape.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The maximum shape, or null for <see cref="Shape"/>.</summary>
    public IReadOnlyList<long>? MaxShape { get; }

    /// <summary>The mappings in the order they were added: the region of the layout (null = all of it) and its source.</summary>
    public IReadOnlyList<(H5Hyperslab? Region, H5VirtualSource Source)> Mappings => _mappings;

    /// <summary>Maps <paramref name="value"/> onto the region h5py's <c>layout[...] = source</c> selects.</summary>
    public H5VirtualSource this[params H5Selector[] selectors]
    {
        set => Map(H5Hyperslab.FromSelectors(Shape.ToArray(), selectors), value);
    }

    /// <summary>Maps <paramref name="source"/> (its selection, or all of it) onto <paramref name="region"/> of the layout
    /// (null = all of it). Bounded selections must hold the same number of elements; an unlimited region takes an
    /// unlimited source selection, or a bounded one when the source file or dataset name has a printf-style
    /// <c>%d</c> (one source per block, as libhdf5 defines); libhdf5 checks those at creation.</summary>
    /// <exception cref="ArgumentException">The region's rank differs from the layout's, or the element counts differ.</exception>
    public H5VirtualLayout Map(H5Hyperslab? region, H5VirtualSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (region is not null && region.Rank != Shape.Count)
            throw new ArgumentException($"The region has rank {region.Rank}; the virtual layout has rank {Shape.Count}.", nameof(region));
        var regionCount = region is null ? H5Shape.Product(Shape.ToArray()) : region.ElementCount;
        var sourceCount = source.ElementCount;
        if (regionCount is not null && sourceCount is not null && regionCount != sourceCount)
            throw new ArgumentException($"The region {(region?.ToString() ?? "(all)")} of the layout holds {regionCount} elements, " +
                $"the selection of '{source.DatasetName}' in '{source.FileName}' {sourceCount}: they must be equal.", nameof(source));
        _mappings.Add((region, source));
        return this;
    }
}

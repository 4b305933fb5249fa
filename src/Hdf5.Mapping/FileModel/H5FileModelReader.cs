using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping;

/// <summary>The one walk that reads a <see cref="H5FileModel"/>: each group's links in order, every object opened once,
/// objects with more than one hard link remembered by file number and token so they are described once.</summary>
internal sealed class H5FileModelReader
{
    private readonly H5FileModelOptions _options;
    private readonly H5WalkProgress? _progress;
    private readonly Dictionary<(ulong File, H5Token Token), string> _firstPaths = [];

    private H5FileModelReader(H5FileModelOptions options, H5WalkProgress? progress)
    {
        _options = options;
        _progress = progress;
    }

    public static H5FileModel Read(H5Group group, H5FileModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(group);
        var progress = options.Recursive ? H5WalkProgress.Start(options.Progress, group) : H5WalkProgress.Start(options.Progress, group.Count + 1L);
        var reader = new H5FileModelReader(options, progress);
        var path = group.Name;
        reader.FirstVisit(group.Info, path);
        var root = reader.Group(group, NameOf(path), path, expand: true);
        return new H5FileModel(group.File.Filename, root);
    }

    public static H5DatasetNode ReadDataset(H5Dataset dataset, H5FileModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var reader = new H5FileModelReader(options, H5WalkProgress.Start(options.Progress, 1));
        return reader.Dataset(dataset, NameOf(dataset.Name), dataset.Name);
    }

    private static string NameOf(string path) => path == "/" ? "/" : path[(path.LastIndexOf('/') + 1)..];

    // Null when the object is reached for the first time (now at path); otherwise the path it was first reached by.
    // Only objects with more than one hard link can be reached twice, so only those are remembered.
    private string? FirstVisit(H5ObjectInfo info, string path)
    {
        if (info.ReferenceCount < 2) return null;
        var key = (info.FileNumber, info.Token);
        if (_firstPaths.TryGetValue(key, out var first)) return first;
        _firstPaths[key] = path;
        return null;
    }

    private H5GroupNode Group(H5Group group, string name, string path, bool expand)
    {
        _progress?.Reached(path);
        var keys = group.Keys;
        var members = expand ? Members(group, path, keys) : null;
        return new H5GroupNode(name, path, Attributes(group), keys.Count, members);
    }

    private List<H5ModelNode> Members(H5Group group, string path, IReadOnlyList<string> keys)
    {
        var members = new List<H5ModelNode>(keys.Count);
        foreach (var key in keys) members.Add(Member(group, key, H5Path.Join(path, key)));
        return members;
    }

    private H5ModelNode Member(H5Group group, string key, string path)
    {
        var link = group.GetLink(key);
        if (link.Kind != H5LinkKind.Hard)
            return new H5LinkNode(key, path, link.Kind, link.Path ?? "", link.FileName, group.GetKind(key));
        var info = group.GetInfo(key);
        var kind = KindOf(info.Type);
        if (FirstVisit(info, path) is { } first) return new H5SameAsNode(key, path, kind, first);
        switch (kind)
        {
            case H5ObjectKind.Group:
                using (var child = group.OpenGroup(key)) return Group(child, key, path, expand: _options.Recursive);
            case H5ObjectKind.Dataset:
                using (var dataset = group.OpenDataset(key)) return Dataset(dataset, key, path);
            default:
                _progress?.Reached(path);
                return new H5DatatypeNode(key, path);
        }
    }

    private static H5ObjectKind KindOf(Native.H5O.Type type) => type switch
    {
        Native.H5O.Type.Group => H5ObjectKind.Group,
        Native.H5O.Type.Dataset => H5ObjectKind.Dataset,
        _ => H5ObjectKind.Datatype,
    };

    private H5DatasetNode Dataset(H5Dataset dataset, string name, string path)
    {
        _progress?.Reached(path);
        using var type = dataset.DType;
        var descriptor = type.Description;
        var shape = dataset.Shape;
        var isScale = dataset.IsScale;
        return new H5DatasetNode(name, path)
        {
            Type = descriptor,
            Shape = shape,
            MaxShape = dataset.MaxShape,
            IsNull = dataset.IsNull,
            Size = dataset.Size,
            NBytes = dataset.NBytes,
            StorageSize = dataset.StorageSize,
            Layout = dataset.Layout,
            Chunks = dataset.Chunks,
            Filters = dataset.Filters,
            NumericFill = NumericFill(dataset, descriptor),
            IsScale = isScale,
            ScaleName = isScale ? dataset.ScaleName : "",
            Dimensions = Dimensions(dataset, shape.Length),
            Attributes = Attributes(dataset),
            References = _options.ReadReferenceTargets ? References(dataset, descriptor, shape.Length) : null,
        };
    }

    // Integer and floating-point fill values read as double, as [H5Dataset(FillValue = ...)] states them.
    private static double? NumericFill(H5Dataset dataset, H5TypeDescriptor type) =>
        H5TypeSchema.FromDescriptor(type) is { Kind: H5ValueKind.Float or H5ValueKind.SignedInteger or H5ValueKind.UnsignedInteger, Size: <= 8 }
            ? dataset.GetFillValue<double>() : null;

    private static H5DimensionNode[] Dimensions(H5Dataset dataset, int rank)
    {
        var dims = new H5DimensionNode[rank];
        for (int i = 0; i < rank; i++)
        {
            var dim = dataset.Dims[i];
            dims[i] = new H5DimensionNode(dim.Label, dim.ScalePaths);
        }
        return dims;
    }

    private static H5ReferenceTargets? References(H5Dataset dataset, H5TypeDescriptor type, int rank)
    {
        var kind = H5TypeSchema.FromDescriptor(type).Kind;
        if (kind == H5ValueKind.RegionReference && rank == 1)
        {
            var regions = dataset.Read<H5RegionReference>();
            return new(regions.Length, regions.Where(r => !r.IsNull).Select(dataset.GetRegionTargetName).Distinct().ToArray());
        }
        if (kind != H5ValueKind.ObjectReference || rank > 1) return null;
        var objects = rank == 0 ? [dataset.ReadScalar<H5ObjectReference>()] : dataset.Read<H5ObjectReference>();
        return new(objects.Length, objects.Where(r => !r.IsNull).Select(dataset.GetReferenceTargetName).Distinct().ToArray());
    }

    private H5AttributeNode[] Attributes(H5Object owner)
    {
        var keys = owner.Attrs.Keys;
        var attributes = new H5AttributeNode[keys.Count];
        for (int i = 0; i < keys.Count; i++)
        {
            using var attribute = owner.Attrs.Open(keys[i]);
            using var type = attribute.DType;
            var descriptor = type.Description;
            var shape = attribute.Shape;
            var text = _options.ReadScalarStrings && descriptor is H5StringType && shape.Length == 0 && !attribute.IsNull ? attribute.ReadStrings()[0] : null;
            attributes[i] = new H5AttributeNode(keys[i], descriptor, shape, attribute.IsNull, attribute.Size, text);
        }
        return attributes;
    }
}

using System.Runtime.InteropServices;

namespace Hdf5.Mapping;

// What generated ReadFrom calls: tracking what it read (with fingerprints for a live view), shape checks that name the
// path, and the reading and resolving of references and regions.
public sealed partial class H5MappingContext
{
    // Fingerprints of the datasets read or written through this context (a live view's baseline for the next save).
    private readonly Dictionary<string, H5Fingerprint> _recorded = new(StringComparer.Ordinal);

    /// <summary>Records that the array of a mapped dataset was read from (or written to) <paramref name="path"/>; a
    /// context that tracks changes also remembers its fingerprint.</summary>
    public void Track<T>(Array data, string path) where T : unmanaged
    {
        Track((object)data, path);
        if (TracksChanges) _recorded[path] = H5Fingerprint.Of(in H5Dataset.ArrayRef<T>(data), data.LongLength, H5Shape.Of(data));
    }

    /// <summary>Records that the list of a mapped dataset was read from (or written to) <paramref name="path"/>.</summary>
    public void Track<T>(List<T> data, string path) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        Track((object)data, path);
        if (TracksChanges) _recorded[path] = H5Fingerprint.Of(in MemoryMarshal.GetReference(CollectionsMarshal.AsSpan(data)), data.Count, [data.Count]);
    }

    /// <summary>Returns <paramref name="shape"/> when it has <paramref name="rank"/> dimensions.</summary>
    /// <exception cref="H5MappingException">It has another rank (the message names <paramref name="path"/>).</exception>
    public static long[] CheckRank(long[] shape, int rank, string path)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape.Length == rank ? shape
            : throw new H5MappingException(path, $"expected rank {rank}, found {(shape.Length == 0 ? "a scalar" : $"shape {H5Shape.Format(shape)}")}");
    }

    /// <summary>The target paths of the object references a dataset holds (scalar or 1-D), null for null references.</summary>
    public static string?[] ReadReferenceTargets(H5Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var refs = dataset.Rank == 0 ? [dataset.ReadScalar<H5ObjectReference>()] : dataset.Read<H5ObjectReference>();
        var names = new string?[refs.Length];
        for (int i = 0; i < refs.Length; i++)
            if (!refs[i].IsNull) names[i] = dataset.GetReferenceTargetName(refs[i]);
        return names;
    }

    /// <summary>The region references a 1-D dataset holds, each as the path of its dataset and the region.</summary>
    public static H5RegionTarget[] ReadRegionTargets(H5Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var refs = dataset.Read<H5RegionReference>();
        var result = new H5RegionTarget[refs.Length];
        var targets = new Dictionary<string, H5Dataset>(StringComparer.Ordinal);
        try
        {
            for (int i = 0; i < refs.Length; i++)
            {
                if (refs[i].IsNull) continue;
                var name = dataset.GetRegionTargetName(refs[i]);
                if (!targets.TryGetValue(name, out var target)) targets[name] = target = dataset.File.OpenDataset(name);
                result[i] = new H5RegionTarget(name, target.GetRegion(refs[i]));
            }
        }
        finally
        {
            foreach (var t in targets.Values) t.Dispose();
        }
        return result;
    }

    /// <summary>The regions of region references that must all select from <paramref name="expected"/> (null stays null).</summary>
    /// <exception cref="H5MappingException">A reference selects from another dataset.</exception>
    public H5Region[] RegionsOf(H5RegionTarget[] targets, string expected, string referrer)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var regions = new H5Region[targets.Length];
        for (int i = 0; i < targets.Length; i++)
        {
            if (targets[i].Path is { } p && p != expected)
                throw new H5MappingException(referrer, $"region reference {i} selects from '{p}', but the member's RegionOf is '{expected}'");
            regions[i] = targets[i].Region!;
        }
        return regions;
    }

    /// <summary>The objects read from the given target paths (null stays null).</summary>
    public T?[] Resolve<T>(string?[] targets, string referrer) where T : class
    {
        ArgumentNullException.ThrowIfNull(targets);
        var items = new T?[targets.Length];
        for (int i = 0; i < items.Length; i++)
            if (targets[i] is { } path) items[i] = ObjectAt<T>(path, referrer);
        return items;
    }

    /// <summary>The object read from the one target of a scalar reference dataset.</summary>
    /// <exception cref="H5MappingException">The dataset holds other than one reference, or a null one.</exception>
    public T ResolveOne<T>(string?[] targets, string referrer) where T : class
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (targets.Length != 1) throw new H5MappingException(referrer, $"expected one object reference, found {targets.Length}");
        return targets[0] is { } path ? ObjectAt<T>(path, referrer) : throw new H5MappingException(referrer, "the object reference is null");
    }

    /// <summary>The mapped regions of region references: each names the object read from its dataset's path.</summary>
    public H5MappedRegion?[] ResolveRegions(H5RegionTarget[] targets, string referrer)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var items = new H5MappedRegion?[targets.Length];
        for (int i = 0; i < items.Length; i++)
            if (targets[i] is { Path: { } path, Region: { } region }) items[i] = new H5MappedRegion(ObjectAt(path, referrer), region);
        return items;
    }
}

namespace Hdf5.Mapping;

// What generated WriteTo calls for the members that point at others: object and region references (written once
// every object has its path) and dimension scales, within a group or across classes.
public sealed partial class H5MappingContext
{
    /// <summary>Object references to where each value was written (a null value gives a null reference).</summary>
    public H5ObjectReference[] ReferencesTo<T>(H5File file, IReadOnlyList<T?> values, string referrer) where T : class
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(values);
        var refs = new H5ObjectReference[values.Count];
        for (int i = 0; i < refs.Length; i++)
            if (values[i] is { } value) refs[i] = ReferenceTo(file, value, referrer);
        return refs;
    }

    /// <summary>An object reference to where <paramref name="value"/> was written.</summary>
    public H5ObjectReference ReferenceTo(H5File file, object value, string referrer)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var target = file.OpenObject(PathOf(value, referrer));
        return target.Reference;
    }

    /// <summary>Region references into the dataset at <paramref name="targetPath"/> (a null region gives a null reference).</summary>
    /// <exception cref="H5MappingException">There is no dataset at that path.</exception>
    public H5RegionReference[] RegionReferencesInto(H5File file, string targetPath, IReadOnlyList<H5Region?> regions, string referrer)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(regions);
        using var target = OpenTarget(file, targetPath, referrer, "the dataset the regions select from");
        var refs = new H5RegionReference[regions.Count];
        for (int i = 0; i < refs.Length; i++)
            if (regions[i] is { } region) refs[i] = target.CreateRegionReference(region);
        return refs;
    }

    /// <summary>Region references into the datasets where each region's dataset value was written.</summary>
    public H5RegionReference[] RegionReferencesTo(H5File file, IReadOnlyList<H5MappedRegion?> regions, string referrer)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(regions);
        var refs = new H5RegionReference[regions.Count];
        var targets = new Dictionary<string, H5Dataset>(StringComparer.Ordinal);
        try
        {
            for (int i = 0; i < refs.Length; i++)
            {
                if (regions[i] is not { } item) continue;
                var path = PathOf(item.Dataset, referrer);
                if (!targets.TryGetValue(path, out var target)) targets[path] = target = OpenTarget(file, path, referrer, "the dataset a region selects from");
                refs[i] = target.CreateRegionReference(item.Region);
            }
        }
        finally
        {
            foreach (var t in targets.Values) t.Dispose();
        }
        return refs;
    }

    private static H5Dataset OpenTarget(H5File file, string path, string referrer, string what) =>
        file.GetKind(path) == H5ObjectKind.Dataset ? file.OpenDataset(path)
            : throw new H5MappingException(referrer, $"{what}, '{path}', is not a dataset of the file");

    /// <summary>Writes one object reference as a scalar dataset (in place when a save finds one).</summary>
    public void WriteReference(H5Group owner, string name, H5ObjectReference reference)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (InPlace(owner, name, [], out var existing))
        {
            using (existing)
                if (existing!.ReadScalar<H5ObjectReference>() != reference) existing.WriteScalar(reference);
            return;
        }
        using var shared = WrittenOnce(owner);
        owner.CreateScalarDataset(name, reference).Dispose();
    }

    /// <summary>Writes object references as a 1-D dataset (in place when a save finds one of that length).</summary>
    public void WriteReferences(H5Group owner, string name, H5ObjectReference[] references)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(references);
        if (InPlace(owner, name, [references.LongLength], out var existing))
        {
            using (existing)
                if (!existing!.Read<H5ObjectReference>().AsSpan().SequenceEqual(references)) existing.Write<H5ObjectReference>(references);
            return;
        }
        using var shared = WrittenOnce(owner);
        owner.Add<H5ObjectReference>(name, references).Dispose();
    }

    /// <summary>Writes region references as a 1-D dataset (in place when a save finds one of that length).</summary>
    public void WriteRegionReferences(H5Group owner, string name, H5RegionReference[] references)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(references);
        if (InPlace(owner, name, [references.LongLength], out var existing))
        {
            using (existing)
                if (!existing!.Read<H5RegionReference>().AsSpan().SequenceEqual(references)) existing.Write<H5RegionReference>(references);
            return;
        }
        if (owner.File.ParallelState is not null)
        {
            // Created by every rank now; the references are written once the file is closed, by rank 0 alone.
            using var dataset = owner.CreateDataset<H5RegionReference>(name, [references.LongLength]);
            DeferredToRankZero(dataset, target => target.Write<H5RegionReference>(references));
            return;
        }
        owner.Add<H5RegionReference>(name, references).Dispose();
    }

    // When saving: the existing reference dataset of that shape, or none (anything else at that name is removed).
    private bool InPlace(H5Group owner, string name, long[] shape, out H5Dataset? existing)
    {
        existing = null;
        if (!UpdatesInPlace) return false;
        var dataset = H5InPlaceUpdate.Open(owner, name);
        if (dataset is null) return false;
        using (var type = dataset.DType)
            if (type.Class == H5TypeClass.Reference && dataset.Shape.AsSpan().SequenceEqual(shape))
            {
                existing = dataset;
                return true;
            }
        dataset.Dispose();
        H5InPlaceUpdate.Remove(owner, name);
        return false;
    }

    /// <summary>Makes <paramref name="dataset"/> a dimension scale named <paramref name="name"/>, unless it is one already.</summary>
    public void MakeScale(H5Dataset dataset, string name)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (dataset.IsScale && dataset.ScaleName == name) return;
        dataset.MakeScale(name);
    }

    /// <summary>Attaches <paramref name="scale"/> to dimension <paramref name="dimension"/> of <paramref name="host"/> (unless
    /// it is attached already) and sets the dimension's label.</summary>
    public void AttachScale(H5Dataset host, int dimension, H5Dataset scale, string? label)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(scale);
        var dim = host.Dims[dimension];
        if (!dim.IsAttached(scale)) dim.Attach(scale);
        if (label is not null && dim.Label != label) dim.Label = label;
    }

    /// <summary>Attaches the scale at <paramref name="scalePath"/> to dimension <paramref name="dimension"/> of the dataset at
    /// <paramref name="hostPath"/>: a scale that another class of the graph writes.</summary>
    /// <exception cref="H5MappingException">The scale is missing or is not a dimension scale.</exception>
    public void AttachScale(H5File file, string hostPath, int dimension, string scalePath, string? label)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var host = OpenTarget(file, hostPath, hostPath, "the dataset");
        using var scale = OpenTarget(file, scalePath, hostPath, $"the scale attached to dimension {dimension}");
        if (!scale.IsScale)
            throw new H5MappingException(hostPath, $"the scale attached to dimension {dimension}, '{scalePath}', is not a dimension scale: mark its member [DimensionScale]");
        AttachScale(host, dimension, scale, label);
    }
}

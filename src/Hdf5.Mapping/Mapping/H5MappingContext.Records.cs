namespace Hdf5.Mapping;

// What generated WriteTo calls for datasets of records: classes or structs with string, sequence or array members,
// written member by member through the element type the generator registered for them. In a parallel file their values
// are written once (rank 0), after the file is closed when they hold variable-length data (H5MappingContext.Shared.cs).
public sealed partial class H5MappingContext
{
    /// <summary>Writes a 1-D dataset of records through their registered element type and returns it, open.</summary>
    /// <remarks>A live view's save writes into the dataset when its stored type still matches and its shape can hold
    /// the records (resizing when the maximum shape allows); otherwise it recreates it, keeping its attributes and
    /// scale attachments.</remarks>
    public H5Dataset WriteRecords<T>(H5Group group, string name, string path, IReadOnlyList<T> values, H5DatasetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(values);
        Track((object)values, path);
        var array = values as T[] ?? [.. values];
        var type = H5ElementType.Of<T>();
        H5Dataset Create(string at)
        {
            if (group.File.ParallelState is null) return group.Add(at, array, type, options);
            return WriteCreated(group, at, group.CreateDataset(at, type, [array.LongLength], options), dataset => dataset.Write<T>(array, type));
        }
        if (!UpdatesInPlace) return Create(name);
        var dataset = H5InPlaceUpdate.Open(group, name);
        if (dataset is null) return Create(name);
        long[] shape = [array.Length];
        if (!dataset.Accepts(type) || (!dataset.Shape.AsSpan().SequenceEqual(shape) && !H5InPlaceUpdate.CanResize(dataset, shape)))
            return H5InPlaceUpdate.Recreate(group, name, dataset, Create);
        if (!dataset.Shape.AsSpan().SequenceEqual(shape)) dataset.Resize(shape);
        dataset.Write<T>(array, type);
        return dataset;
    }
}

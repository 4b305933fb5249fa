namespace Hdf5.Mapping;

// What generated WriteTo calls for scalar and string datasets, lazy members, members that became null, and the
// child groups of lists and dictionaries.
public sealed partial class H5MappingContext
{
    /// <summary>Writes a scalar dataset holding <paramref name="value"/> and returns it, open.</summary>
    public H5Dataset WriteScalar<T>(H5Group group, string name, string path, T value) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(group);
        using var shared = WrittenOnce(group);
        H5Dataset Create(string at) => group.CreateScalarDataset(at, value);
        if (!UpdatesInPlace) return Create(name);
        var dataset = H5InPlaceUpdate.Open(group, name);
        if (dataset is null) return Create(name);
        if (dataset.Rank != 0 || !H5InPlaceUpdate.SameClass<T>(dataset)) return H5InPlaceUpdate.Recreate(group, name, dataset, Create);
        if (!EqualityComparer<T>.Default.Equals(dataset.ReadScalar<T>(), value)) dataset.WriteScalar(value);
        return dataset;
    }

    /// <summary>Writes a scalar string dataset stored as <paramref name="format"/> says and returns it, open.</summary>
    public H5Dataset WriteString(H5Group group, string name, string path, string value, H5StringFormat format) =>
        WriteStrings(group, name, path, [value], format, null, scalar: true);

    /// <summary>Writes a 1-D string dataset stored as <paramref name="format"/> says and returns it, open.</summary>
    public H5Dataset WriteStrings(H5Group group, string name, string path, IReadOnlyList<string> values, H5StringFormat format, H5DatasetOptions? options = null) =>
        WriteStrings(group, name, path, values, format, options, scalar: false);

    private H5Dataset WriteStrings(H5Group group, string name, string path, IReadOnlyList<string> values, H5StringFormat format, H5DatasetOptions? options, bool scalar)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(format);
        if (!scalar) Track(values, path);
        var array = values as string[] ?? values.ToArray();
        long[] shape = scalar ? [] : [array.Length];
        H5Dataset Create(string at)
        {
            using var type = format.TypeFor(array);
            return WriteCreated(group, at, group.CreateDataset(at, type, shape, scalar ? null : options), dataset => dataset.WriteStrings(array));
        }
        if (!UpdatesInPlace) return Create(name);
        var dataset = H5InPlaceUpdate.Open(group, name);
        if (dataset is null) return Create(name);
        using (var stored = dataset.DType)
            if (!format.Matches(stored, array)) return H5InPlaceUpdate.Recreate(group, name, dataset, Create);
        if (dataset.Shape.AsSpan().SequenceEqual(shape))
        {
            if (!dataset.ReadStrings().AsSpan().SequenceEqual(array)) dataset.WriteStrings(array);
            return dataset;
        }
        if (!H5InPlaceUpdate.CanResize(dataset, shape)) return H5InPlaceUpdate.Recreate(group, name, dataset, Create);
        dataset.Resize(shape);
        dataset.WriteStrings(array);
        return dataset;
    }

    /// <summary>Writes a lazy member: a copy of its dataset's elements, shape and type, unless a save finds it is a view of
    /// that very dataset (then there is nothing to write: its writes went to the file already). Returns the dataset, open.</summary>
    public H5Dataset WriteLazy<T>(H5Group group, string name, string path, H5Dataset<T> data) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(data);
        Track(data, path);
        if (UpdatesInPlace && ReferenceEquals(data.Dataset.File, group.File) && data.Dataset.Name == path) return group.OpenDataset(name);
        if (UpdatesInPlace) Remove(group, name);
        var copy = group.CreateDataset<T>(name, data.Shape);
        try
        {
            using var shared = WrittenOnce(group);
            copy.Write<T>(data.ReadAll());
            return copy;
        }
        catch
        {
            copy.Dispose();
            group.Remove(name);
            throw;
        }
    }

    /// <summary>When a live view saves, removes the object of a member that is now null (detaching a dataset from scales
    /// first, so no other dataset keeps a reference to it).</summary>
    public void Remove(H5Group group, string name)
    {
        ArgumentNullException.ThrowIfNull(group);
        if (UpdatesInPlace && group.GetKind(name) != H5ObjectKind.Missing) H5InPlaceUpdate.Remove(group, name);
    }

    /// <summary>When a live view saves, removes the items of a list beyond its new <paramref name="count"/> (groups "count", "count+1", ...).</summary>
    public void RemoveItemsFrom(H5Group children, int count)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (!UpdatesInPlace) return;
        foreach (var key in children.Keys)
            if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index >= count)
                children.Remove(key);
    }

    /// <summary>When a live view saves, removes the items of a dictionary whose keys it no longer has.</summary>
    public void RemoveKeysOtherThan(H5Group children, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(children);
        ArgumentNullException.ThrowIfNull(keys);
        if (!UpdatesInPlace) return;
        var kept = new HashSet<string>(keys, StringComparer.Ordinal);
        foreach (var key in children.Keys)
            if (!kept.Contains(key)) children.Remove(key);
    }

    /// <summary>A dictionary key as the name of its child group.</summary>
    /// <exception cref="H5MappingException">The key is empty, ".", "..", or holds '/' (which HDF5 reads as a path separator) or NUL.</exception>
    public static string ChildKey(string key, string path)
    {
        ArgumentNullException.ThrowIfNull(key);
        string? problem = key.Length == 0 ? "it is empty"
            : key is "." or ".." ? "'.' and '..' are not names in HDF5"
            : key.Contains('/') ? "it holds '/', which HDF5 reads as a path separator (the item would land in a nested group)"
            : key.Contains('\0') ? "it holds NUL"
            : null;
        return problem is null ? key
            : throw new H5MappingException(path, $"the dictionary key \"{key}\" cannot name a child group: {problem}; use keys that are plain names (replace '/' with another character)");
    }
}

using System.Runtime.InteropServices;

namespace Hdf5.Mapping;

// What generated WriteTo calls for attributes, datasets and collections of groups. Writing a new file creates each
// object; a live view's save (UpdatesInPlace) changes the file in place: it skips what is unchanged, writes into
// existing datasets, resizes or appends when the maximum shape allows, removes members that became null, and
// recreates only what cannot hold the new value, keeping the attributes and scale attachments it carried.
public sealed partial class H5MappingContext
{
    private readonly Dictionary<string, H5Fingerprint>? _baseline;

    /// <summary>Creates a context for one generated read or write.</summary>
    public H5MappingContext() { }

    private H5MappingContext(Dictionary<string, H5Fingerprint> baseline)
    {
        _baseline = baseline;
        TracksChanges = true;
        UpdatesInPlace = true;
    }

    /// <summary>True while a live view saves: writes go into the existing objects.</summary>
    public bool UpdatesInPlace { get; }

    /// <summary>A context for saving the graph this one read, comparing with what it read.</summary>
    internal H5MappingContext ForUpdate() => new(new Dictionary<string, H5Fingerprint>(_recorded, StringComparer.Ordinal));

    // ---- attributes -----------------------------------------------------------------------------------

    /// <summary>Sets a scalar attribute (unless a save finds it holding that value already).</summary>
    public void SetAttribute<T>(H5Object owner, string name, T value) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (UpdatesInPlace && Holds(owner, name, a => H5Shape.Product(a.Shape) == 1 && EqualityComparer<T>.Default.Equals(a.ReadScalar<T>(), value))) return;
        owner.Attrs.Set(name, value);
    }

    /// <summary>Sets an attribute of any rank from an array (unless a save finds it holding those values already).</summary>
    public void SetAttribute<T>(H5Object owner, string name, Array values) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(values);
        if (UpdatesInPlace && Holds(owner, name, a => a.Shape.AsSpan().SequenceEqual(H5Shape.Of(values))
                && MemoryMarshal.AsBytes(a.Read<T>().AsSpan()).SequenceEqual(BytesOf<T>(values))))
            return;
        owner.Attrs.SetArray<T>(name, values);
    }

    /// <summary>Sets a 1-D attribute from a list.</summary>
    public void SetAttribute<T>(H5Object owner, string name, List<T> values) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(values);
        SetAttribute<T>(owner, name, (Array)values.ToArray());
    }

    /// <summary>Sets a scalar string attribute stored as <paramref name="format"/> says.</summary>
    public void SetAttribute(H5Object owner, string name, string value, H5StringFormat format) =>
        SetStrings(owner, name, [value], [], format);

    /// <summary>Sets a 1-D string attribute stored as <paramref name="format"/> says.</summary>
    public void SetAttribute(H5Object owner, string name, IReadOnlyList<string> values, H5StringFormat format)
    {
        ArgumentNullException.ThrowIfNull(values);
        SetStrings(owner, name, values, [values.Count], format);
    }

    private void SetStrings(H5Object owner, string name, IReadOnlyList<string> values, long[] shape, H5StringFormat format)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(format);
        if (UpdatesInPlace && Holds(owner, name, a =>
            {
                using var stored = a.DType;
                return a.Shape.AsSpan().SequenceEqual(shape) && format.Matches(stored, values) && a.ReadStrings().AsSpan().SequenceEqual(values.ToArray());
            })) return;
        using var type = format.TypeFor(values);
        owner.Attrs.SetStrings(name, type, shape, values as string[] ?? values.ToArray());
    }

    // Whether an attribute exists and satisfies the test; a stored value of another kind counts as different.
    private static bool Holds(H5Object owner, string name, Func<H5Attribute, bool> test)
    {
        if (!owner.Attrs.ContainsKey(name)) return false;
        using var attribute = owner.Attrs.Open(name);
        try
        {
            return test(attribute);
        }
        catch (Exception e) when (e is InvalidCastException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>When a live view saves, removes an attribute whose member is now null.</summary>
    public void RemoveAttribute(H5Object owner, string name)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (UpdatesInPlace && owner.Attrs.ContainsKey(name)) owner.Attrs.Remove(name);
    }

    // ---- datasets -------------------------------------------------------------------------------------

    /// <summary>Writes the array of a mapped dataset (any rank) to <paramref name="name"/> and returns the dataset, open.</summary>
    public H5Dataset WriteDataset<T>(H5Group group, string name, string path, Array data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(data);
        H5Dataset.CheckElementType<T>(data);
        Track<T>(data, path);
        using var shared = WrittenOnce(group);
        H5Dataset Create(string at) => group.AddArray<T>(at, data, options);
        if (!UpdatesInPlace) return Create(name);
        return UpdateData<T>(group, name, path, H5Shape.Of(data), Create,
            ds => ds.WriteArray<T>(data),
            (ds, start) => ds.Append<T>(MemoryMarshal.CreateReadOnlySpan(ref ElementAt<T>(data, start), checked((int)(data.LongLength - start)))),
            prefix => H5Fingerprint.Of(in H5Dataset.ArrayRef<T>(data), H5Shape.Product(prefix), prefix));
    }

    /// <summary>Writes the list of a mapped 1-D dataset to <paramref name="name"/> and returns the dataset, open.</summary>
    public H5Dataset WriteDataset<T>(H5Group group, string name, string path, List<T> data, H5DatasetOptions? options = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(data);
        Track<T>(data, path);
        using var shared = WrittenOnce(group);
        H5Dataset Create(string at) => group.Add<T>(at, CollectionsMarshal.AsSpan(data), options);
        if (!UpdatesInPlace) return Create(name);
        return UpdateData<T>(group, name, path, [data.Count], Create,
            ds => ds.Write<T>(CollectionsMarshal.AsSpan(data)),
            (ds, start) => ds.Append<T>(CollectionsMarshal.AsSpan(data)[checked((int)start)..]),
            prefix => H5Fingerprint.Of(in MemoryMarshal.GetReference(CollectionsMarshal.AsSpan(data)), prefix[0], prefix));
    }

    private static ref T ElementAt<T>(Array data, long index) where T : unmanaged =>
        ref System.Runtime.CompilerServices.Unsafe.Add(ref H5Dataset.ArrayRef<T>(data), (nint)index);

    private static ReadOnlySpan<byte> BytesOf<T>(Array data) where T : unmanaged =>
        MemoryMarshal.AsBytes(MemoryMarshal.CreateReadOnlySpan(ref H5Dataset.ArrayRef<T>(data), checked((int)data.LongLength)));

    // The in-place steps for data: unchanged, same shape, more rows (append only those), resizable, or recreated.
    private H5Dataset UpdateData<T>(H5Group group, string name, string path, long[] shape, Func<string, H5Dataset> create,
        Action<H5Dataset> writeAll, Action<H5Dataset, long> appendFrom, Func<long[], H5Fingerprint> prefixFingerprint) where T : unmanaged
    {
        var before = _baseline!.TryGetValue(path, out var b) ? b : (H5Fingerprint?)null;
        var now = _recorded[path];
        var dataset = H5InPlaceUpdate.Open(group, name);
        if (dataset is null) return create(name);
        try
        {
            var current = dataset.Shape;
            var sameShape = current.AsSpan().SequenceEqual(shape);
            if (sameShape && before is { } old && old.Equals(now)) return dataset;
            if (!H5InPlaceUpdate.SameClass<T>(dataset)) return H5InPlaceUpdate.Recreate(group, name, dataset, create);
            if (sameShape) writeAll(dataset);
            else if (H5InPlaceUpdate.CanResize(dataset, shape))
            {
                if (H5InPlaceUpdate.IsAppend(current, shape) && before is { } read && read.Shape.AsSpan().SequenceEqual(current) && prefixFingerprint(current).Equals(read))
                    appendFrom(dataset, H5Shape.Product(current));
                else
                {
                    dataset.Resize(shape);
                    writeAll(dataset);
                }
            }
            else return H5InPlaceUpdate.Recreate(group, name, dataset, create);
            return dataset;
        }
        catch
        {
            dataset.Dispose();
            throw;
        }
    }
}

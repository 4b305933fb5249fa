namespace Hdf5.Mapping;

/// <summary>
/// How a live view's save changes a dataset that is already in the file without losing what the mapping does not
/// own: written in place when its shape is unchanged, resized (and, for rows added at the end, appended to) when its
/// maximum shape allows, and recreated only when neither works, in which case its attributes and every dimension-scale
/// attachment (the scales on its dimensions and, for a scale, the datasets that use it) are carried over.
/// </summary>
internal static class H5InPlaceUpdate
{
    /// <summary>The dataset at <paramref name="name"/>, or null when there is none (anything else there is removed: the
    /// mapping owns that name).</summary>
    public static H5Dataset? Open(H5Group group, string name)
    {
        switch (group.GetKind(name))
        {
            case H5ObjectKind.Dataset:
                return group.OpenDataset(name);
            case H5ObjectKind.Missing:
                return null;
            default:
                group.Remove(name);
                return null;
        }
    }

    /// <summary>Whether <paramref name="dataset"/> can take <paramref name="shape"/> by H5Dset_extent.</summary>
    public static bool CanResize(H5Dataset dataset, long[] shape)
    {
        if (dataset.Layout != H5Layout.Chunked) return false;
        var max = dataset.MaxShape;
        if (max.Length != shape.Length) return false;
        for (int i = 0; i < shape.Length; i++)
            if (max[i] != H5Dataset.Unlimited && shape[i] > max[i]) return false;
        return true;
    }

    /// <summary>Whether <paramref name="shape"/> is <paramref name="current"/> with more rows along the first dimension.</summary>
    public static bool IsAppend(long[] current, long[] shape) =>
        current.Length > 0 && current.Length == shape.Length && shape[0] > current[0] && current.AsSpan(1).SequenceEqual(shape.AsSpan(1));

    /// <summary>Whether the stored elements are of the class <typeparamref name="T"/> is written as (so writing in place
    /// keeps a type the mapping owns; numbers of another width are converted, as reading does).</summary>
    public static bool SameClass<T>(H5Dataset dataset) where T : unmanaged
    {
        using var stored = dataset.DType;
        using var wanted = H5Datatype.Native<T>();
        return stored.Class == wanted.Class;
    }

    /// <summary>Replaces <paramref name="old"/> with the dataset <paramref name="create"/> makes: built beside it first (a
    /// failure leaves the old one), then moved into its place with its attributes and scale attachments.</summary>
    public static H5Dataset Recreate(H5Group group, string name, H5Dataset old, Func<string, H5Dataset> create)
    {
        var temporary = $"{name}.h5m-{Guid.NewGuid():N}";
        var created = create(temporary);
        try
        {
            using var kept = Kept.Capture(old);
            kept.Detach(old);
            old.Dispose();
            group.Remove(name);
            group.Move(temporary, name);
            kept.Restore(created, group.File);
            return created;
        }
        catch
        {
            created.Dispose();
            if (group.ContainsKey(temporary)) group.Remove(temporary);
            throw;
        }
    }

    /// <summary>Removes a dataset the mapping owns, first detaching it from the scales on its dimensions and, for a scale,
    /// from the datasets that use it (so no dataset is left with a reference to a deleted object).</summary>
    public static void Remove(H5Group group, string name)
    {
        if (group.GetKind(name) == H5ObjectKind.Dataset)
        {
            using var dataset = group.OpenDataset(name);
            using var kept = Kept.Capture(dataset);
            kept.Detach(dataset);
        }
        group.Remove(name);
    }

    /// <summary>What a dataset carries besides its data: attributes, its scale name and users, its dimensions' scales and labels.</summary>
    private sealed class Kept : IDisposable
    {
        private List<H5AttributeSnapshot> _attributes = [];
        private string? _scaleName;
        private IReadOnlyList<(string Path, int Dimension)> _users = [];
        private readonly List<(int Dimension, IReadOnlyList<string> Scales, string Label)> _dims = [];

        public static Kept Capture(H5Dataset dataset)
        {
            var kept = new Kept();
            if (dataset.IsScale)
            {
                kept._scaleName = dataset.ScaleName;
                kept._users = dataset.ScaleUsers;
            }
            for (int d = 0; d < dataset.Rank; d++)
            {
                var dimension = dataset.Dims[d];
                kept._dims.Add((d, dimension.ScalePaths, dimension.Label));
            }
            kept._attributes = H5AttributeSnapshot.TakeAll(dataset, name => !H5Dataset.ScaleBookkeepingAttributes.Contains(name));
            return kept;
        }

        public void Detach(H5Dataset dataset)
        {
            foreach (var (path, dimension) in _users)
            {
                using var host = dataset.File.OpenDataset(path);
                host.Dims[dimension].Detach(dataset);
            }
            foreach (var (dimension, scales, _) in _dims)
                foreach (var path in scales)
                {
                    using var scale = dataset.File.OpenDataset(path);
                    dataset.Dims[dimension].Detach(scale);
                }
        }

        public void Restore(H5Dataset dataset, H5File file)
        {
            foreach (var a in _attributes) a.WriteTo(dataset);
            if (_scaleName is not null) dataset.MakeScale(_scaleName);
            foreach (var (path, dimension) in _users)
            {
                if (file.GetKind(path) != H5ObjectKind.Dataset) continue;
                using var host = file.OpenDataset(path);
                if (dimension < host.Rank) host.Dims[dimension].Attach(dataset);
            }
            foreach (var (dimension, scales, label) in _dims.Where(d => d.Dimension < dataset.Rank))
            {
                foreach (var path in scales)
                {
                    using var scale = file.OpenDataset(path);
                    dataset.Dims[dimension].Attach(scale);
                }
                if (label.Length > 0) dataset.Dims[dimension].Label = label;
            }
        }

        public void Dispose()
        {
            foreach (var a in _attributes) a.Dispose();
        }
    }
}

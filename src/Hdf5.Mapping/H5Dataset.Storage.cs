using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// How a dataset is stored: layout, chunks, filter pipeline, sizes (h5py: chunks, compression, id.get_create_plist()).
public sealed partial class H5Dataset
{
    /// <summary>The dataset creation property list (h5py: <c>ds.id.get_create_plist()</c>); dispose it when done.</summary>
    public PropertyListId GetCreatePropertyList()
    {
        using var scope = H5Library.Enter();
        return new PropertyListId(H5Call.Check(H5D.GetCreatePlist(Id), $"reading the creation properties of {What}"));
    }

    /// <summary>The storage layout (h5py: <c>ds.id.get_create_plist().get_layout()</c>).</summary>
    public H5Layout Layout
    {
        get
        {
            using var scope = H5Library.Enter();
            using var dcpl = GetCreatePropertyList();
            var layout = H5P.GetLayout(dcpl);
            if ((int)layout < 0) H5Call.Throw($"reading the layout of {What}");
            return (H5Layout)layout;
        }
    }

    /// <summary>The chunk shape, or null when the dataset is not chunked (h5py: <c>chunks</c>).</summary>
    public unsafe long[]? Chunks
    {
        get
        {
            using var scope = H5Library.Enter();
            using var dcpl = GetCreatePropertyList();
            if (H5P.GetLayout(dcpl) != H5P.Layout.Chunked) return null;
            var dims = stackalloc ulong[32];
            var rank = H5Call.Check(H5P.GetChunk(dcpl, 32, dims), $"reading the chunk shape of {What}");
            var result = new long[rank];
            for (int i = 0; i < rank; i++) result[i] = (long)dims[i];
            return result;
        }
    }

    /// <summary>The filter pipeline in order, with ids, names, flags and <c>cd_values</c> as stored
    /// (third-party filters included, whether or not they are available).</summary>
    public unsafe IReadOnlyList<H5Filter> Filters
    {
        get
        {
            using var scope = H5Library.Enter();
            using var dcpl = GetCreatePropertyList();
            var n = H5Call.Check(H5P.GetNfilters(dcpl), $"reading the filters of {What}");
            var list = new List<H5Filter>(n);
            var cd = stackalloc uint[64];
            var name = stackalloc byte[256];
            for (uint i = 0; i < n; i++)
            {
                uint flags, config;
                nuint count = 64;
                var id = H5Call.Check(H5P.GetFilter2(dcpl, i, &flags, &count, cd, 256, name, &config), $"reading filter {i} of {What}");
                var values = new uint[(int)count];
                for (int k = 0; k < values.Length; k++) values[k] = cd[k];
                var stored = H5Call.FromCString(name);
                var known = H5FilterCatalog.NameOf(id);
                list.Add(new H5Filter(id, known.StartsWith("filter ", StringComparison.Ordinal) && stored.Length > 0 ? stored : known,
                    values, (flags & H5Z.FlagOptional) != 0));
            }
            return list;
        }
    }

    /// <summary>Bytes the data occupies in the file (<c>H5Dget_storage_size</c>).</summary>
    public long StorageSize
    {
        get
        {
            using var scope = H5Library.Enter();
            return (long)H5D.GetStorageSize(Id);
        }
    }

    /// <summary><see cref="NBytes"/> divided by <see cref="StorageSize"/> (0 when nothing is stored yet).</summary>
    public double CompressionRatio
    {
        get
        {
            var stored = StorageSize;
            return stored == 0 ? 0 : (double)NBytes / stored;
        }
    }

    /// <summary>The fill value, read as <typeparamref name="T"/>.</summary>
    public unsafe T GetFillValue<T>() where T : unmanaged
    {
        using var scope = H5Library.Enter();
        using var dcpl = GetCreatePropertyList();
        T value = default;
        H5Call.Check(H5P.GetFillValue(dcpl, H5TypeMap.MemoryType<T>(), &value), $"reading the fill value of {What}");
        return value;
    }

    /// <summary>When the fill value is written into new storage (h5py: <c>ds.id.get_create_plist().get_fill_time()</c>).</summary>
    public H5FillTime FillTime
    {
        get
        {
            using var scope = H5Library.Enter();
            using var dcpl = GetCreatePropertyList();
            H5Call.Check(H5P.GetFillTime(dcpl, out var time), $"reading the fill time of {What}");
            return (H5FillTime)time;
        }
    }

    /// <summary>Reads one chunk's stored (still filtered) bytes, as h5py's <c>id.read_direct_chunk</c>; also returns the
    /// filter mask (bit i set = filter i was skipped).</summary>
    public unsafe (byte[] Data, uint FilterMask) ReadRawChunk(params long[] offset)
    {
        using var scope = H5Library.Enter();
        var o = H5Shape.ToNative(offset, nameof(offset));
        fixed (ulong* po = o)
        {
            H5Call.Check(H5D.GetChunkStorageSize(Id, po, out var size), $"reading the size of the chunk at {H5Shape.Format(offset)} of {What}");
            var data = new byte[size];
            uint mask;
            fixed (byte* pd = data)
                H5Call.Check(H5Api.ReadChunk(Id, PropertyListId.Default, po, &mask, pd, (nuint)size), $"reading the chunk at {H5Shape.Format(offset)} of {What}");
            return (data, mask);
        }
    }

    /// <summary>Stores already-filtered bytes as one chunk, as h5py's <c>id.write_direct_chunk</c>.</summary>
    public unsafe void WriteRawChunk(long[] offset, ReadOnlySpan<byte> data, uint filterMask = 0)
    {
        using var scope = H5Library.Enter();
        var o = H5Shape.ToNative(offset, nameof(offset));
        fixed (ulong* po = o)
        fixed (byte* pd = data)
            H5Call.Check(H5D.WriteChunk(Id, PropertyListId.Default, filterMask, po, (nuint)data.Length, pd), $"writing the chunk at {H5Shape.Format(offset)} of {What}");
    }
}

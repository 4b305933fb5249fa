using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// The one place datasets are created (h5py's <c>make_new_dset</c>): validates the options against the shape,
/// builds the creation property list and creates the dataset.
/// </summary>
internal static partial class H5DatasetCreation
{
    /// <summary>Creates the dataset; a null <paramref name="shape"/> gives a null dataspace (h5py: <c>h5py.Empty</c>).</summary>
    public static unsafe H5Dataset Create(H5Group parent, string path, DatatypeId type, long[]? shape, H5DatasetOptions? options)
    {
        H5Names.Validate(path, nameof(path));
        if (shape is null) return CreateEmpty(parent, path, type, options);
        options ??= new H5DatasetOptions();
        parent.File.RefuseUnderSwmr($"create dataset '{path}' in {parent.What}");
        if (parent.ContainsKey(path))
            throw new H5AlreadyExistsException($"Cannot create dataset '{path}' in {parent.What}: the name already exists.");

        var maxShape = options.MaxShape;
        var chunks = options.Chunks;
        var needsChunks = options.Filters.Count > 0 || (maxShape is not null && !maxShape.AsSpan().SequenceEqual(shape));
        var layout = options.Layout ?? (chunks is not null || needsChunks ? H5Layout.Chunked : H5Layout.Contiguous);

        if (layout != H5Layout.Chunked && (chunks is not null || needsChunks))
            throw new ArgumentException($"Dataset '{path}': filters, chunks and resizable dimensions need the chunked layout, not {layout}.");
        if (layout == H5Layout.Chunked)
        {
            if (shape.Length == 0) throw new ArgumentException($"Dataset '{path}': a scalar dataset cannot be chunked.");
            chunks ??= H5ChunkGuess.Guess(shape, maxShape, type.GetSize());
            ValidateChunks(path, shape, maxShape, chunks);
        }

        using var space = H5Shape.CreateSpace(shape, maxShape);
        if (layout == H5Layout.Contiguous && !options.TrackTimes && options.FillTime is null && options.Filters.Count == 0 && options.FillValue is null)
            return CreateWith(parent, path, type, space, PlainContiguous, H5Shape.Format(shape));
        using var dcpl = new PropertyListId(H5Call.Check(H5P.Create(H5Globals.DatasetCreate)));
        H5Call.Check(H5P.SetObjTrackTimes(dcpl, options.TrackTimes));
        H5Call.Check(H5P.SetLayout(dcpl, (H5P.Layout)layout), $"setting the layout of '{path}'");
        if (layout == H5Layout.Chunked)
        {
            var c = H5Shape.ToNative(chunks!, "chunks");
            fixed (ulong* p = c) H5Call.Check(H5P.SetChunk(dcpl, c.Length, p), $"setting the chunk shape of '{path}'");
        }
        if ((options.FillTime ?? (layout == H5Layout.Chunked ? H5FillTime.Alloc : null)) is { } fillTime)
            H5Call.Check(H5P.SetFillTime(dcpl, (H5P.FillTime)fillTime), $"setting the fill time of '{path}'");
        foreach (var filter in options.Filters) filter.Apply(dcpl);
        ApplyFillValue(dcpl, path, type, options);
        return CreateWith(parent, path, type, space, dcpl, H5Shape.Format(shape));
    }

    // The creation list of most datasets (contiguous, no time stamps, default fill): made once, as libhdf5 copies
    // what it needs from it, instead of three calls and a close per dataset.
    private static PropertyListId PlainContiguous => s_plainContiguous ??= MakePlainContiguous();

    private static PropertyListId? s_plainContiguous;

    private static PropertyListId MakePlainContiguous()
    {
        using var scope = H5Library.Enter();
        var dcpl = new PropertyListId(H5Call.Check(H5P.Create(H5Globals.DatasetCreate)));
        H5Call.Check(H5P.SetObjTrackTimes(dcpl, false));
        H5Call.Check(H5P.SetLayout(dcpl, H5P.Layout.Contiguous), "setting the contiguous layout");
        return dcpl;
    }

    private static unsafe void ApplyFillValue(PropertyListId dcpl, string path, DatatypeId type, H5DatasetOptions options)
    {
        if (options.FillValue is not { } fill) return;
        // The value is given in its memory type; libhdf5 converts it to the stored type (which may be packed).
        var problems = H5TypeCompatibility.Problems(H5TypeReader.Read(type), H5TypeReader.Read(fill.MemoryType), writing: true);
        if (problems.Count > 0)
            throw new ArgumentException($"Dataset '{path}': the fill value is a {fill.Type.Name}, which does not convert to {H5TypeMap.Describe(type)}: {string.Join("; ", problems)}.");
        fixed (byte* p = fill.Bytes) H5Call.Check(H5P.SetFillValue(dcpl, fill.MemoryType, p), $"setting the fill value of '{path}'");
    }

    private static H5Dataset CreateWith(H5Group parent, string path, DatatypeId type, DataspaceId space, PropertyListId dcpl, string shape)
    {
        var full = parent.Resolve(path);
        var id = parent.Creating(full, () => H5Call.Check(H5D.Create2(parent.LocationId, path, type, space, H5Links.CreatePropertiesFor(path), dcpl, PropertyListId.Default),
            $"Creating dataset '{path}' {shape} in {parent.What}", full));
        return new H5Dataset(new DatasetId(id), parent.File, full);
    }

    private static H5Dataset CreateEmpty(H5Group parent, string path, DatatypeId type, H5DatasetOptions? options)
    {
        if (options is not null && (options.Chunks is not null || options.MaxShape is not null || options.Filters.Count > 0 || options.Layout is H5Layout.Chunked))
            throw new ArgumentException($"Dataset '{path}': a dataset with a null dataspace holds no data, so it has no chunks, filters or maximum shape.");
        parent.File.RefuseUnderSwmr($"create dataset '{path}' in {parent.What}");
        if (parent.ContainsKey(path))
            throw new H5AlreadyExistsException($"Cannot create dataset '{path}' in {parent.What}: the name already exists.");
        using var dcpl = new PropertyListId(H5Call.Check(H5P.Create(H5Globals.DatasetCreate)));
        H5Call.Check(H5P.SetObjTrackTimes(dcpl, options?.TrackTimes ?? false));
        using var space = H5Shape.CreateNullSpace();
        return CreateWith(parent, path, type, space, dcpl, "with a null dataspace");
    }

    private static void ValidateChunks(string path, long[] shape, long[]? maxShape, long[] chunks)
    {
        if (chunks.Length != shape.Length)
            throw new ArgumentException($"Dataset '{path}': chunk shape {H5Shape.Format(chunks)} has rank {chunks.Length}, the data has rank {shape.Length}.");
        for (int i = 0; i < chunks.Length; i++)
        {
            if (chunks[i] < 1) throw new ArgumentException($"Dataset '{path}': chunk dimension {i} is {chunks[i]}; chunk dimensions must be positive.");
            var limit = maxShape is null ? shape[i] : maxShape[i];
            if (limit >= 0 && chunks[i] > limit && limit > 0)
                throw new ArgumentException($"Dataset '{path}': chunk shape {H5Shape.Format(chunks)} is larger than the {(maxShape is null ? "shape" : "maximum shape")} in dimension {i}.");
        }
    }
}

/// <summary>h5py's chunk-shape heuristic (<c>filters.guess_chunk</c>): aim for 16 KiB–1 MiB chunks of about the
/// dataset's proportions, halving the dimensions in turn until the chunk is small enough.</summary>
internal static class H5ChunkGuess
{
    private const double ChunkBase = 16 * 1024, ChunkMin = 8 * 1024, ChunkMax = 1024 * 1024;

    public static long[] Guess(long[] shape, long[]? maxShape, long typeSize)
    {
        var chunks = new double[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            var d = shape[i];
            if (d == 0 && maxShape is not null && maxShape[i] > 0) d = maxShape[i];
            chunks[i] = d <= 0 ? 1024 : d; // unlimited or zero-length dims get 1024, as in h5py
        }
        var dsetSize = chunks.Aggregate(1.0, (a, b) => a * b) * typeSize;
        var target = ChunkBase * Math.Pow(2, Math.Log10(dsetSize / (1024.0 * 1024)));
        target = Math.Clamp(target, ChunkMin, ChunkMax);
        int idx = 0;
        while (true)
        {
            var chunkBytes = chunks.Aggregate(1.0, (a, b) => a * b) * typeSize;
            if ((chunkBytes < target || Math.Abs(chunkBytes - target) / target < 0.5) && chunkBytes < ChunkMax) break;
            if (chunks.Aggregate(1.0, (a, b) => a * b) == 1) break;
            chunks[idx % shape.Length] = Math.Ceiling(chunks[idx % shape.Length] / 2.0);
            idx++;
        }
        return chunks.Select(c => (long)c).ToArray();
    }
}

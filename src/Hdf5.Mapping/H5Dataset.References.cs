using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Region references: a dataset plus a selection of it (h5py: ds.regionref[...] and ds[regref]).
public sealed partial class H5Dataset
{
    /// <summary>A region reference to a hyperslab of this dataset (h5py: <c>ds.regionref[..., 512:567]</c>).</summary>
    public H5RegionReference CreateRegionReference(params H5Selector[] selection)
    {
        using var scope = H5Library.Enter();
        var sel = H5Selection.Create(Shape, selection);
        using var space = FileSpace();
        sel.SelectOn(space);
        return CreateRegionReference(space);
    }

    /// <summary>A region reference to a point selection of this dataset (one row of coordinates per point).</summary>
    public H5RegionReference CreateRegionReference(long[,] points)
    {
        using var scope = H5Library.Enter();
        using var space = SelectPoints(points);
        return CreateRegionReference(space);
    }

    /// <summary>h5py's <c>ds.regionref</c>: index it like the dataset to get a reference, <c>ds.RegionRef[.., 512..567]</c>.</summary>
    public H5RegionRefMaker RegionRef => new(this);

    /// <summary>A region reference to a region value (blocks or points) of this dataset.</summary>
    /// <exception cref="H5SelectionException">The region's rank differs from the dataset's, or it reaches outside the dataset.</exception>
    public unsafe H5RegionReference CreateRegionReference(H5Region region)
    {
        ArgumentNullException.ThrowIfNull(region);
        using var scope = H5Library.Enter();
        if (region.IsPoints) return CreateRegionReference(region.PointList!);
        var shape = Shape;
        if (region.Rank != shape.Length)
            throw new H5SelectionException($"The region {region} has rank {region.Rank} but {What} has rank {shape.Length}.");
        using var space = FileSpace();
        var start = stackalloc ulong[shape.Length];
        var count = stackalloc ulong[shape.Length];
        var op = H5S.SelOper.Set;
        foreach (var (s, c) in region.BlockList)
        {
            for (int d = 0; d < shape.Length; d++)
            {
                if (s[d] + c[d] > shape[d])
                    throw new H5SelectionException($"The region {region} reaches past dimension {d} of {What} (size {shape[d]}).");
                start[d] = (ulong)s[d];
                count[d] = (ulong)c[d];
            }
            H5Call.Check(H5S.SelectHyperslab(space, op, start, null, count, null), "selecting a region's block");
            op = H5S.SelOper.Or;
        }
        return CreateRegionReference(space);
    }

    /// <summary>The selection a region reference holds, as a value (blocks or points).</summary>
    /// <exception cref="ArgumentException">The reference points to another dataset.</exception>
    public unsafe H5Region GetRegion(H5RegionReference region)
    {
        using var scope = H5Library.Enter();
        using var space = RegionSpace(region);
        var rank = H5Call.Check(H5S.GetSimpleExtentNdims(space));
        var type = space.GetSelectionType();
        if (type == H5S.SelType.Points)
        {
            var n = H5Call.Check(H5S.GetSelectElemNpoints(space), "counting a region's points");
            var buffer = new ulong[n * rank];
            fixed (ulong* p = buffer) H5Call.Check(H5S.GetSelectElemPointlist(space, 0, (ulong)n, p), "reading a region's points");
            var points = new long[n, rank];
            for (long i = 0; i < n; i++)
                for (int d = 0; d < rank; d++) points[i, d] = (long)buffer[i * rank + d];
            return H5Region.Points(points);
        }
        if (type == H5S.SelType.Hyperslabs)
        {
            var n = H5Call.Check(H5S.GetSelectHyperNblocks(space), "counting a region's blocks");
            // Each block comes as its start corner then its opposite (inclusive) corner.
            var buffer = new ulong[n * rank * 2];
            fixed (ulong* p = buffer) H5Call.Check(H5S.GetSelectHyperBlocklist(space, 0, (ulong)n, p), "reading a region's blocks");
            var blocks = new List<(long[], long[])>();
            for (long b = 0; b < n; b++)
            {
                var start = new long[rank];
                var count = new long[rank];
                for (int d = 0; d < rank; d++)
                {
                    start[d] = (long)buffer[(b * 2) * rank + d];
                    count[d] = (long)buffer[(b * 2 + 1) * rank + d] - start[d] + 1;
                }
                blocks.Add((start, count));
            }
            return H5Region.Blocks(blocks);
        }
        if (type == H5S.SelType.All)
            return H5Region.Block(new long[rank], Shape);
        throw new H5Exception($"The region reference into {What} selects nothing (selection type {type}).");
    }

    private unsafe H5RegionReference CreateRegionReference(DataspaceId space)
    {
        // HDF5 1.10 keeps the selection of a region reference in the file's global heap: making one writes.
        if (File.Mode == H5FileMode.ReadOnly)
            throw new H5ReadOnlyFileException($"Cannot create a region reference to {What}: HDF5 stores the selection in the file, which is open read-only.");
        H5RegionReference r = default;
        H5Call.Check(H5R.Create(&r, Id, ".", H5R.Type.DatasetRegion, space), $"creating a region reference to {What}");
        return r;
    }

    /// <summary>Reads the elements a region reference selects, in row-major order of the selection (h5py: <c>ds[regref]</c>).</summary>
    /// <exception cref="ArgumentException">The reference points to another dataset (h5py: "Region reference must point to this dataset").</exception>
    public T[] ReadRegion<T>(H5RegionReference region) where T : unmanaged
    {
        using var scope = H5Library.Enter();
        using var space = RegionSpace(region);
        var n = H5Call.Check(H5S.GetSelectNpoints(space), "counting the region's elements");
        var result = new T[n];
        using var memSpace = H5Shape.CreateSpace([n]);
        _io.Read(ref MemoryMarshal.GetArrayDataReference(result), n, memSpace, space);
        return result;
    }

    /// <summary>The shape of the bounding box of a region's selection (for a hyperslab, the shape h5py returns).</summary>
    public unsafe long[] GetRegionShape(H5RegionReference region)
    {
        using var scope = H5Library.Enter();
        using var space = RegionSpace(region);
        var rank = H5Call.Check(H5S.GetSimpleExtentNdims(space));
        var start = stackalloc ulong[Math.Max(rank, 1)];
        var end = stackalloc ulong[Math.Max(rank, 1)];
        H5Call.Check(H5S.GetSelectBounds(space, start, end), "reading the region's bounds");
        var shape = new long[rank];
        for (int i = 0; i < rank; i++) shape[i] = (long)(end[i] - start[i] + 1);
        return shape;
    }

    /// <summary>The name of the dataset a region reference points to.</summary>
    public unsafe string GetRegionTargetName(H5RegionReference region)
    {
        if (region.IsNull) throw new ArgumentException("The region reference is null.", nameof(region));
        using var scope = H5Library.Enter();
        var copy = region; // the lambda below cannot take the address of a parameter: pass it as a number
        var address = (nint)(&copy);
        return H5Call.ReadString((b, n) => H5R.GetName(Id, H5R.Type.DatasetRegion, (void*)address, b, n), "reading a region reference's target");
    }

    private unsafe DataspaceId RegionSpace(H5RegionReference region)
    {
        if (region.IsNull) throw new ArgumentException("The region reference is null.", nameof(region));
        // The region must belong to this dataset: compare the objects (address or token), as h5py does.
        var target = H5Call.Check(H5R.Dereference2(Id, PropertyListId.Default, H5R.Type.DatasetRegion, &region), "dereferencing a region reference");
        using (var targetId = new ObjectId(target))
        {
            var mine = H5ObjectInfo.Get(Id);
            var theirs = H5ObjectInfo.Get(targetId);
            if (!mine.IsSameObject(theirs))
                throw new ArgumentException($"Region reference must point to this dataset: it points to '{GetRegionTargetName(region)}', not {What}.", nameof(region));
        }
        return new DataspaceId(H5Call.Check(H5R.GetRegion(Id, H5R.Type.DatasetRegion, &region), "reading a region reference's selection"));
    }
}

/// <summary>Makes region references with dataset-style indexing (h5py's <c>ds.regionref</c>).</summary>
public readonly struct H5RegionRefMaker
{
    private readonly H5Dataset _dataset;

    internal H5RegionRefMaker(H5Dataset dataset) => _dataset = dataset;

    /// <summary>A region reference to the selection.</summary>
    public H5RegionReference this[params H5Selector[] selection] => _dataset.CreateRegionReference(selection);
}

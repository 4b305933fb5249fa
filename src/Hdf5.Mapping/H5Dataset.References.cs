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
        using var fileSpace = FileSpace();
        using var space = sel.Apply(fileSpace);
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

    private unsafe H5RegionReference CreateRegionReference(DataspaceId space)
    {
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
        // The region must belong to this dataset: compare object addresses, as h5py does.
        var target = H5Call.Check(H5R.Dereference2(Id, PropertyListId.Default, H5R.Type.DatasetRegion, &region), "dereferencing a region reference");
        using (var targetId = new ObjectId(target))
        {
            H5O.Info mine, theirs;
            H5Call.Check(H5O.GetInfo2(Id, &mine, H5O.InfoBasic));
            H5Call.Check(H5O.GetInfo2(targetId, &theirs, H5O.InfoBasic));
            if (mine.Addr != theirs.Addr || mine.Fileno != theirs.Fileno)
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

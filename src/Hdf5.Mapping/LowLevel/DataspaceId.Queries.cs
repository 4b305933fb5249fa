using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

// Checked queries on a dataspace id, as h5py's SpaceID methods (get_simple_extent_type, get_simple_extent_dims, ...).
public sealed partial class DataspaceId
{
    /// <summary>Scalar, simple or null (<c>H5Sget_simple_extent_type</c>).</summary>
    public H5S.Class GetExtentType()
    {
        using var scope = H5Library.Enter();
        var c = H5S.GetSimpleExtentType(this);
        if (c == H5S.Class.NoClass) H5Call.Throw("reading the kind of a dataspace");
        return c;
    }

    /// <summary>The dimensions and maximum dimensions (-1 = unlimited); rank 0 for scalar and null dataspaces
    /// (<c>H5Sget_simple_extent_dims</c>).</summary>
    public unsafe (long[] Dims, long[] MaxDims) GetDims()
    {
        using var scope = H5Library.Enter();
        if (GetExtentType() == H5S.Class.Null) return ([], []);
        var rank = H5Call.Check(H5S.GetSimpleExtentNdims(this), "reading a dataspace rank");
        var d = stackalloc ulong[Math.Max(rank, 1)];
        var m = stackalloc ulong[Math.Max(rank, 1)];
        H5Call.Check(H5S.GetSimpleExtentDims(this, d, m), "reading dataspace dimensions");
        var dims = new long[rank];
        var max = new long[rank];
        for (int i = 0; i < rank; i++)
        {
            dims[i] = (long)d[i];
            max[i] = m[i] == H5S.Unlimited ? -1 : (long)m[i];
        }
        return (dims, max);
    }

    /// <summary>The number of elements in the extent: 0 for a null dataspace, 1 for a scalar
    /// (<c>H5Sget_simple_extent_npoints</c>).</summary>
    public long GetElementCount()
    {
        using var scope = H5Library.Enter();
        return H5Call.Check(H5S.GetSimpleExtentNpoints(this), "counting the elements of a dataspace");
    }

    /// <summary>How elements are selected: none, points, hyperslabs or all (<c>H5Sget_select_type</c>).</summary>
    public H5S.SelType GetSelectionType()
    {
        using var scope = H5Library.Enter();
        var t = H5S.GetSelectType(this);
        if (t == H5S.SelType.Error) H5Call.Throw("reading the selection type of a dataspace");
        return t;
    }

    /// <summary>The number of selected elements (<c>H5Sget_select_npoints</c>).</summary>
    public long GetSelectedCount()
    {
        using var scope = H5Library.Enter();
        return H5Call.Check(H5S.GetSelectNpoints(this), "counting the selected elements of a dataspace");
    }
}

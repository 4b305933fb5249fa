using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>Shape helpers shared by datasets and attributes (row-major, h5py semantics).</summary>
internal static class H5Shape
{
    public static ulong[] ToNative(ReadOnlySpan<long> dims, string paramName)
    {
        var d = new ulong[dims.Length];
        for (int i = 0; i < dims.Length; i++)
        {
            if (dims[i] < 0) throw new ArgumentOutOfRangeException(paramName, $"Dimension {i} is {dims[i]}; dimensions cannot be negative.");
            d[i] = (ulong)dims[i];
        }
        return d;
    }

    public static long Product(ReadOnlySpan<long> dims)
    {
        long n = 1;
        foreach (var d in dims) n = checked(n * d);
        return n;
    }

    public static long[] Of(Array array)
    {
        var dims = new long[array.Rank];
        for (int i = 0; i < dims.Length; i++) dims[i] = array.GetLongLength(i);
        return dims;
    }

    public static string Format(ReadOnlySpan<long> dims)
    {
        if (dims.Length == 0) return "()";
        if (dims.Length == 1) return $"({dims[0]},)";
        return "(" + string.Join(", ", dims.ToArray()) + ")";
    }

    /// <summary>Creates a null dataspace: no elements, not even one (h5py: <c>h5py.Empty</c>).</summary>
    public static DataspaceId CreateNullSpace() => new(H5Call.Check(H5S.Create(H5S.Class.Null), "creating a null dataspace"));

    /// <summary>Creates a simple dataspace (rank 0 gives a scalar dataspace); <paramref name="maxShape"/> may use -1 for unlimited.</summary>
    public static unsafe DataspaceId CreateSpace(ReadOnlySpan<long> shape, ReadOnlySpan<long> maxShape = default)
    {
        if (shape.Length == 0) return new DataspaceId(H5Call.Check(H5S.Create(H5S.Class.Scalar), "creating a scalar dataspace"));
        var d = ToNative(shape, "shape");
        if (!maxShape.IsEmpty && maxShape.Length != shape.Length)
            throw new ArgumentException($"maxshape {Format(maxShape)} has rank {maxShape.Length}, the shape {Format(shape)} has rank {shape.Length}.");
        ulong[]? m = null;
        if (!maxShape.IsEmpty)
        {
            m = new ulong[maxShape.Length];
            for (int i = 0; i < m.Length; i++)
            {
                m[i] = maxShape[i] < 0 ? H5S.Unlimited : (ulong)maxShape[i];
                if (m[i] < d[i]) throw new ArgumentException($"maxshape {Format(maxShape)} is smaller than the shape {Format(shape)} in dimension {i}.");
            }
        }
        fixed (ulong* pd = d)
        fixed (ulong* pm = m)
            return new DataspaceId(H5Call.Check(H5S.CreateSimple(d.Length, pd, pm), "creating a dataspace"));
    }

    /// <summary>The dimensions and maximum dimensions (-1 = unlimited) of a dataspace; rank 0 for scalar and null.</summary>
    public static (long[] Dims, long[] MaxDims) Read(DataspaceId space) => space.GetDims();
}

/// <summary>Link and attribute creation property lists shared by every creating call.</summary>
/// <remarks>Names are marked as h5py marks them: a name that is pure ASCII is stored with the ASCII character set
/// (libhdf5's default, which keeps the compact group and attribute storage every reader expects), any other name
/// as UTF-8. h5py marks non-ASCII link names made by <c>group[name] = ...</c> and <c>create_group</c> as UTF-8 but
/// leaves those of <c>create_dataset</c> and of attributes ASCII-marked; we mark every non-ASCII name UTF-8, which is
/// what its bytes are. Intermediate groups made on the way to a nested path are marked ASCII by libhdf5 whatever
/// their name, for h5py as for us.</remarks>
internal static class H5Links
{
    private static PropertyListId? s_lcplAscii, s_lcplUtf8, s_acplUtf8;

    /// <summary>Creates missing intermediate groups (as h5py's link creation list does) and marks the name's character set.</summary>
    public static PropertyListId CreatePropertiesFor(string path) => IsAscii(path)
        ? s_lcplAscii ??= Make(H5Globals.LinkCreate, intermediate: true, H5T.Cset.Ascii)
        : s_lcplUtf8 ??= Make(H5Globals.LinkCreate, intermediate: true, H5T.Cset.Utf8);

    /// <summary>The attribute creation list for <paramref name="name"/>: the default for ASCII names, UTF-8 otherwise.</summary>
    public static PropertyListId AttributePropertiesFor(string name) => IsAscii(name)
        ? PropertyListId.Default
        : s_acplUtf8 ??= Make(H5Globals.AttributeCreate, intermediate: false, H5T.Cset.Utf8);

    private static bool IsAscii(string name) => System.Text.Ascii.IsValid(name);

    private static PropertyListId Make(long cls, bool intermediate, H5T.Cset cset)
    {
        using var scope = H5Library.Enter();
        var p = new PropertyListId(H5Call.Check(H5P.Create(cls)));
        if (intermediate) H5Call.Check(H5P.SetCreateIntermediateGroup(p, 1));
        if (cset != H5T.Cset.Ascii) H5Call.Check(H5P.SetCharEncoding(p, cset));
        return p;
    }
}

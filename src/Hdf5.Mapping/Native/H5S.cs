using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Spublic.h</c> (dataspaces and selections).</summary>
public static unsafe partial class H5S
{
    /// <summary><c>H5S_ALL</c></summary>
    public const long All = 0;
    /// <summary><c>H5S_UNLIMITED</c></summary>
    public const ulong Unlimited = ulong.MaxValue;

    /// <summary><c>H5S_class_t</c></summary>
    public enum Class
    {
        /// <summary>H5S_NO_CLASS</summary>
        NoClass = -1,
        /// <summary>H5S_SCALAR</summary>
        Scalar = 0,
        /// <summary>H5S_SIMPLE</summary>
        Simple = 1,
        /// <summary>H5S_NULL</summary>
        Null = 2,
    }

    /// <summary><c>H5S_seloper_t</c></summary>
    public enum SelOper
    {
        /// <summary>H5S_SELECT_NOOP</summary>
        Noop = -1,
        /// <summary>H5S_SELECT_SET</summary>
        Set = 0,
        /// <summary>H5S_SELECT_OR</summary>
        Or,
        /// <summary>H5S_SELECT_AND</summary>
        And,
        /// <summary>H5S_SELECT_XOR</summary>
        Xor,
        /// <summary>H5S_SELECT_NOTB</summary>
        NotB,
        /// <summary>H5S_SELECT_NOTA</summary>
        NotA,
        /// <summary>H5S_SELECT_APPEND</summary>
        Append,
        /// <summary>H5S_SELECT_PREPEND</summary>
        Prepend,
    }

    /// <summary><c>H5S_sel_type</c></summary>
    public enum SelType
    {
        /// <summary>H5S_SEL_ERROR</summary>
        Error = -1,
        /// <summary>H5S_SEL_NONE</summary>
        None = 0,
        /// <summary>H5S_SEL_POINTS</summary>
        Points = 1,
        /// <summary>H5S_SEL_HYPERSLABS</summary>
        Hyperslabs = 2,
        /// <summary>H5S_SEL_ALL</summary>
        All = 3,
    }

    /// <summary><c>H5Screate</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Screate")]
    public static partial long Create(Class type);

    /// <summary><c>H5Screate_simple</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Screate_simple")]
    public static partial long CreateSimple(int rank, ulong* dims, ulong* maxdims);

    /// <summary><c>H5Scopy</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Scopy")]
    public static partial long Copy(H5Id spaceId);

    /// <summary><c>H5Sclose</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sclose")]
    public static partial int Close(long spaceId);

    /// <summary><c>H5Sget_simple_extent_ndims</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_simple_extent_ndims")]
    public static partial int GetSimpleExtentNdims(H5Id spaceId);

    /// <summary><c>H5Sget_simple_extent_dims</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_simple_extent_dims")]
    public static partial int GetSimpleExtentDims(H5Id spaceId, ulong* dims, ulong* maxdims);

    /// <summary><c>H5Sget_simple_extent_npoints</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_simple_extent_npoints")]
    public static partial long GetSimpleExtentNpoints(H5Id spaceId);

    /// <summary><c>H5Sget_simple_extent_type</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_simple_extent_type")]
    public static partial Class GetSimpleExtentType(H5Id spaceId);

    /// <summary><c>H5Sselect_hyperslab</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sselect_hyperslab")]
    public static partial int SelectHyperslab(H5Id spaceId, SelOper op, ulong* start, ulong* stride, ulong* count, ulong* block);

    /// <summary><c>H5Sselect_elements</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sselect_elements")]
    public static partial int SelectElements(H5Id spaceId, SelOper op, nuint numElements, ulong* coord);

    /// <summary><c>H5Sselect_all</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sselect_all")]
    public static partial int SelectAll(H5Id spaceId);

    /// <summary><c>H5Sselect_none</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sselect_none")]
    public static partial int SelectNone(H5Id spaceId);

    /// <summary><c>H5Sselect_valid</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sselect_valid")]
    public static partial int SelectValid(H5Id spaceId);

    /// <summary><c>H5Sget_select_npoints</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_select_npoints")]
    public static partial long GetSelectNpoints(H5Id spaceId);

    /// <summary><c>H5Sget_select_type</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_select_type")]
    public static partial SelType GetSelectType(H5Id spaceId);

    /// <summary><c>H5Sget_select_bounds</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_select_bounds")]
    public static partial int GetSelectBounds(H5Id spaceId, ulong* start, ulong* end);

    /// <summary><c>H5Sget_select_hyper_nblocks</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_select_hyper_nblocks")]
    public static partial long GetSelectHyperNblocks(H5Id spaceId);

    /// <summary><c>H5Sget_select_hyper_blocklist</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_select_hyper_blocklist")]
    public static partial int GetSelectHyperBlocklist(H5Id spaceId, ulong startblock, ulong numblocks, ulong* buf);

    /// <summary><c>H5Sget_select_elem_npoints</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_select_elem_npoints")]
    public static partial long GetSelectElemNpoints(H5Id spaceId);

    /// <summary><c>H5Sget_select_elem_pointlist</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_select_elem_pointlist")]
    public static partial int GetSelectElemPointlist(H5Id spaceId, ulong startpoint, ulong numpoints, ulong* buf);

    /// <summary><c>H5Sis_regular_hyperslab</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sis_regular_hyperslab")]
    public static partial int IsRegularHyperslab(H5Id spaceId);

    /// <summary><c>H5Sget_regular_hyperslab</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Sget_regular_hyperslab")]
    public static partial int GetRegularHyperslab(H5Id spaceId, ulong* start, ulong* stride, ulong* count, ulong* block);
}

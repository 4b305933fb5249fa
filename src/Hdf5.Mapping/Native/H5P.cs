using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Ppublic.h</c> (property lists). The list classes (<c>H5P_DATASET_CREATE</c>, ...)
/// are global variables; <see cref="LowLevel.H5Globals"/> reads them.</summary>
public static unsafe partial class H5P
{
    /// <summary><c>H5P_DEFAULT</c></summary>
    public const long Default = 0;

    /// <summary><c>H5P_CRT_ORDER_TRACKED</c></summary>
    public const uint CrtOrderTracked = 0x0001;
    /// <summary><c>H5P_CRT_ORDER_INDEXED</c></summary>
    public const uint CrtOrderIndexed = 0x0002;

    /// <summary><c>H5F_libver_t</c></summary>
    public enum Libver
    {
        /// <summary>H5F_LIBVER_EARLIEST</summary>
        Earliest = 0,
        /// <summary>H5F_LIBVER_V18</summary>
        V18 = 1,
        /// <summary>H5F_LIBVER_V110 (= H5F_LIBVER_LATEST in 1.10)</summary>
        V110 = 2,
        /// <summary>H5F_LIBVER_V112 (libhdf5 1.12 and later)</summary>
        V112 = 3,
        /// <summary>H5F_LIBVER_V114 (libhdf5 1.14 and later)</summary>
        V114 = 4,
        /// <summary>H5F_LIBVER_V200 (libhdf5 2.0 and later)</summary>
        V200 = 5,
    }

    /// <summary><c>H5D_layout_t</c></summary>
    public enum Layout
    {
        /// <summary>H5D_COMPACT</summary>
        Compact = 0,
        /// <summary>H5D_CONTIGUOUS</summary>
        Contiguous = 1,
        /// <summary>H5D_CHUNKED</summary>
        Chunked = 2,
        /// <summary>H5D_VIRTUAL</summary>
        Virtual = 3,
    }

    /// <summary><c>H5D_fill_time_t</c></summary>
    public enum FillTime
    {
        /// <summary>H5D_FILL_TIME_ALLOC</summary>
        Alloc = 0,
        /// <summary>H5D_FILL_TIME_NEVER</summary>
        Never = 1,
        /// <summary>H5D_FILL_TIME_IFSET</summary>
        IfSet = 2,
    }

    /// <summary><c>H5D_alloc_time_t</c></summary>
    public enum AllocTime
    {
        /// <summary>H5D_ALLOC_TIME_DEFAULT</summary>
        Default = 0,
        /// <summary>H5D_ALLOC_TIME_EARLY</summary>
        Early = 1,
        /// <summary>H5D_ALLOC_TIME_LATE</summary>
        Late = 2,
        /// <summary>H5D_ALLOC_TIME_INCR</summary>
        Incr = 3,
    }

    /// <summary><c>H5Pcreate</c> from a class id (see <see cref="LowLevel.H5Globals"/>).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pcreate")]
    public static partial long Create(long clsId);

    /// <summary><c>H5Pcopy</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pcopy")]
    public static partial long Copy(H5Id plistId);

    /// <summary><c>H5Pclose</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pclose")]
    public static partial int Close(long plistId);

    /// <summary><c>H5Pset_chunk</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_chunk")]
    public static partial int SetChunk(H5Id plistId, int ndims, ulong* dim);

    /// <summary><c>H5Pget_chunk</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_chunk")]
    public static partial int GetChunk(H5Id plistId, int maxNdims, ulong* dim);

    /// <summary><c>H5Pset_layout</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_layout")]
    public static partial int SetLayout(H5Id plistId, Layout layout);

    /// <summary><c>H5Pget_layout</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_layout")]
    public static partial Layout GetLayout(H5Id plistId);

    /// <summary><c>H5Pset_deflate</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_deflate")]
    public static partial int SetDeflate(H5Id plistId, uint level);

    /// <summary><c>H5Pset_shuffle</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_shuffle")]
    public static partial int SetShuffle(H5Id plistId);

    /// <summary><c>H5Pset_fletcher32</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_fletcher32")]
    public static partial int SetFletcher32(H5Id plistId);

    /// <summary><c>H5Pset_scaleoffset</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_scaleoffset")]
    public static partial int SetScaleoffset(H5Id plistId, int scaleType, int scaleFactor);

    /// <summary><c>H5Pset_nbit</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_nbit")]
    public static partial int SetNbit(H5Id plistId);

    /// <summary><c>H5Pset_szip</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_szip")]
    public static partial int SetSzip(H5Id plistId, uint optionsMask, uint pixelsPerBlock);

    /// <summary><c>H5Pset_filter</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_filter")]
    public static partial int SetFilter(H5Id plistId, int filterId, uint flags, nuint cdNelmts, uint* cdValues);

    /// <summary><c>H5Pget_nfilters</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_nfilters")]
    public static partial int GetNfilters(H5Id plistId);

    /// <summary><c>H5Pget_filter2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_filter2")]
    public static partial int GetFilter2(H5Id plistId, uint idx, uint* flags, nuint* cdNelmts, uint* cdValues, nuint namelen, byte* name, uint* filterConfig);

    /// <summary><c>H5Pall_filters_avail</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pall_filters_avail")]
    public static partial int AllFiltersAvail(H5Id plistId);

    /// <summary><c>H5Pset_fill_value</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_fill_value")]
    public static partial int SetFillValue(H5Id plistId, H5Id typeId, void* value);

    /// <summary><c>H5Pget_fill_value</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_fill_value")]
    public static partial int GetFillValue(H5Id plistId, H5Id typeId, void* value);

    /// <summary><c>H5Pset_fill_time</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_fill_time")]
    public static partial int SetFillTime(H5Id plistId, FillTime fillTime);

    /// <summary><c>H5Pset_type_conv_cb</c>: the function libhdf5 asks what to do when a converted value does not fit
    /// (<c>H5T_conv_except_func_t</c>: except type, source and destination type ids, source and destination
    /// buffers, user data → <c>H5T_conv_ret_t</c>).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_type_conv_cb")]
    public static partial int SetTypeConvCb(H5Id dxplId, delegate* unmanaged[Cdecl]<int, long, long, void*, void*, void*, int> op, void* operateData);

    /// <summary><c>H5Pset_alloc_time</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_alloc_time")]
    public static partial int SetAllocTime(H5Id plistId, AllocTime allocTime);

    /// <summary><c>H5Pset_obj_track_times</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_obj_track_times")]
    public static partial int SetObjTrackTimes(H5Id plistId, [MarshalAs(UnmanagedType.U1)] bool trackTimes);

    /// <summary><c>H5Pset_link_creation_order</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_link_creation_order")]
    public static partial int SetLinkCreationOrder(H5Id plistId, uint crtOrderFlags);

    /// <summary><c>H5Pget_link_creation_order</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_link_creation_order")]
    public static partial int GetLinkCreationOrder(H5Id plistId, out uint crtOrderFlags);

    /// <summary><c>H5Pset_attr_creation_order</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_attr_creation_order")]
    public static partial int SetAttrCreationOrder(H5Id plistId, uint crtOrderFlags);

    /// <summary><c>H5Pget_attr_creation_order</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_attr_creation_order")]
    public static partial int GetAttrCreationOrder(H5Id plistId, out uint crtOrderFlags);

    /// <summary><c>H5Pset_create_intermediate_group</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_create_intermediate_group")]
    public static partial int SetCreateIntermediateGroup(H5Id plistId, uint crtIntmdGroup);

    /// <summary><c>H5Pset_char_encoding</c> (link and attribute names).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_char_encoding")]
    public static partial int SetCharEncoding(H5Id plistId, H5T.Cset encoding);

    /// <summary><c>H5Pset_libver_bounds</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_libver_bounds")]
    public static partial int SetLibverBounds(H5Id plistId, Libver low, Libver high);

    /// <summary><c>H5Pget_libver_bounds</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_libver_bounds")]
    public static partial int GetLibverBounds(H5Id plistId, out Libver low, out Libver high);

    /// <summary><c>H5Pset_fapl_core</c> (in-memory driver).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_fapl_core")]
    public static partial int SetFaplCore(H5Id faplId, nuint increment, [MarshalAs(UnmanagedType.U1)] bool backingStore);

    /// <summary><c>H5Pset_fapl_sec2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_fapl_sec2")]
    public static partial int SetFaplSec2(H5Id faplId);

    /// <summary><c>H5Pget_driver</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_driver")]
    public static partial long GetDriver(H5Id plistId);

    /// <summary><c>H5Pset_file_image</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_file_image")]
    public static partial int SetFileImage(H5Id faplId, void* bufPtr, nuint bufLen);

    /// <summary><c>H5Pset_file_space_strategy</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_file_space_strategy")]
    public static partial int SetFileSpaceStrategy(H5Id plistId, H5F.FspaceStrategy strategy, [MarshalAs(UnmanagedType.U1)] bool persist, ulong threshold);

    /// <summary><c>H5Pget_file_space_strategy</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_file_space_strategy")]
    public static partial int GetFileSpaceStrategy(H5Id plistId, out H5F.FspaceStrategy strategy, [MarshalAs(UnmanagedType.U1)] out bool persist, out ulong threshold);

    /// <summary><c>H5Pset_file_space_page_size</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_file_space_page_size")]
    public static partial int SetFileSpacePageSize(H5Id plistId, ulong fspSize);

    /// <summary><c>H5Pget_file_space_page_size</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_file_space_page_size")]
    public static partial int GetFileSpacePageSize(H5Id plistId, out ulong fspSize);

    /// <summary><c>H5Pset_page_buffer_size</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_page_buffer_size")]
    public static partial int SetPageBufferSize(H5Id plistId, nuint bufSize, uint minMetaPerc, uint minRawPerc);

    /// <summary><c>H5Pset_userblock</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_userblock")]
    public static partial int SetUserblock(H5Id plistId, ulong size);

    /// <summary><c>H5Pset_chunk_cache</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_chunk_cache")]
    public static partial int SetChunkCache(H5Id daplId, nuint rdccNslots, nuint rdccNbytes, double rdccW0);

    /// <summary><c>H5Pset_fapl_ros3</c>; <paramref name="fa"/> points to an <c>H5FD_ros3_fapl_t</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_fapl_ros3")]
    public static partial int SetFaplRos3(H5Id faplId, void* fa);

    /// <summary><c>H5F_close_degree_t</c></summary>
    public enum CloseDegree
    {
        /// <summary>H5F_CLOSE_DEFAULT</summary>
        Default = 0,
        /// <summary>H5F_CLOSE_WEAK</summary>
        Weak = 1,
        /// <summary>H5F_CLOSE_SEMI</summary>
        Semi = 2,
        /// <summary>H5F_CLOSE_STRONG: closing the file closes every object still open in it.</summary>
        Strong = 3,
    }

    /// <summary><c>H5Pset_fclose_degree</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_fclose_degree")]
    public static partial int SetFcloseDegree(H5Id faplId, CloseDegree degree);

    /// <summary><c>H5Pset_nlinks</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_nlinks")]
    public static partial int SetNlinks(H5Id plistId, nuint nlinks);

    /// <summary><c>H5Pget_fill_time</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_fill_time")]
    public static partial int GetFillTime(H5Id plistId, out FillTime fillTime);

    /// <summary><c>H5Pget_userblock</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_userblock")]
    public static partial int GetUserblock(H5Id plistId, out ulong size);

    /// <summary><c>H5Pget_filter_by_id2</c>: the flags and <c>cd_values</c> of one filter of a pipeline.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_filter_by_id2")]
    public static partial int GetFilterById2(H5Id plistId, int filterId, uint* flags, nuint* cdNelmts, uint* cdValues,
        nuint nameLength, byte* name, uint* filterConfig);

    /// <summary><c>H5Pmodify_filter</c>: replaces the flags and <c>cd_values</c> of a filter already in a pipeline.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pmodify_filter")]
    public static partial int ModifyFilter(H5Id plistId, int filterId, uint flags, nuint cdNelmts, uint* cdValues);

    // ---- virtual datasets (libhdf5 1.10 and later) -----------------------------------------------------------

    /// <summary><c>H5Pset_virtual</c>: maps the selection of <paramref name="vspaceId"/> to the selection of
    /// <paramref name="srcSpaceId"/> in dataset <paramref name="srcDsetName"/> of file <paramref name="srcFileName"/>
    /// ("." for the virtual dataset's own file).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_virtual", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetVirtual(H5Id dcplId, H5Id vspaceId, string srcFileName, string srcDsetName, H5Id srcSpaceId);

    /// <summary><c>H5Pget_virtual_count</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_virtual_count")]
    public static partial int GetVirtualCount(H5Id dcplId, out nuint count);

    /// <summary><c>H5Pget_virtual_vspace</c>: a copy of mapping <paramref name="index"/>'s virtual dataspace and selection.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_virtual_vspace")]
    public static partial long GetVirtualVspace(H5Id dcplId, nuint index);

    /// <summary><c>H5Pget_virtual_srcspace</c>: a copy of mapping <paramref name="index"/>'s source dataspace and selection.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_virtual_srcspace")]
    public static partial long GetVirtualSrcspace(H5Id dcplId, nuint index);

    /// <summary><c>H5Pget_virtual_filename</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_virtual_filename")]
    public static partial nint GetVirtualFilename(H5Id dcplId, nuint index, byte* name, nuint size);

    /// <summary><c>H5Pget_virtual_dsetname</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_virtual_dsetname")]
    public static partial nint GetVirtualDsetname(H5Id dcplId, nuint index, byte* name, nuint size);
}

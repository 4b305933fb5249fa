using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Fpublic.h</c> (files).</summary>
public static unsafe partial class H5F
{
    /// <summary><c>H5F_ACC_RDONLY</c></summary>
    public const uint AccRdonly = 0x0000;
    /// <summary><c>H5F_ACC_RDWR</c></summary>
    public const uint AccRdwr = 0x0001;
    /// <summary><c>H5F_ACC_TRUNC</c></summary>
    public const uint AccTrunc = 0x0002;
    /// <summary><c>H5F_ACC_EXCL</c></summary>
    public const uint AccExcl = 0x0004;
    /// <summary><c>H5F_ACC_SWMR_WRITE</c></summary>
    public const uint AccSwmrWrite = 0x0020;
    /// <summary><c>H5F_ACC_SWMR_READ</c></summary>
    public const uint AccSwmrRead = 0x0040;

    /// <summary><c>H5F_OBJ_FILE</c></summary>
    public const uint ObjFile = 0x0001;
    /// <summary><c>H5F_OBJ_DATASET</c></summary>
    public const uint ObjDataset = 0x0002;
    /// <summary><c>H5F_OBJ_GROUP</c></summary>
    public const uint ObjGroup = 0x0004;
    /// <summary><c>H5F_OBJ_DATATYPE</c></summary>
    public const uint ObjDatatype = 0x0008;
    /// <summary><c>H5F_OBJ_ATTR</c></summary>
    public const uint ObjAttr = 0x0010;
    /// <summary><c>H5F_OBJ_ALL</c></summary>
    public const uint ObjAll = 0x001F;
    /// <summary><c>H5F_OBJ_LOCAL</c>: only ids opened through this file id.</summary>
    public const uint ObjLocal = 0x0020;

    /// <summary><c>H5F_OBJ_ALL</c> as an id value: count over every open file.</summary>
    public const long ObjIdAllFiles = ObjAll; // H5F_OBJ_ALL passed as a file id means "every open file"

    /// <summary><c>H5F_scope_t</c> values for <see cref="Flush"/>.</summary>
    public enum Scope
    {
        /// <summary>H5F_SCOPE_LOCAL</summary>
        Local = 0,
        /// <summary>H5F_SCOPE_GLOBAL</summary>
        Global = 1,
    }

    /// <summary><c>H5F_fspace_strategy_t</c>.</summary>
    public enum FspaceStrategy
    {
        /// <summary>H5F_FSPACE_STRATEGY_FSM_AGGR (the default)</summary>
        FsmAggr = 0,
        /// <summary>H5F_FSPACE_STRATEGY_PAGE (paged aggregation, for cloud-optimized files)</summary>
        Page = 1,
        /// <summary>H5F_FSPACE_STRATEGY_AGGR</summary>
        Aggr = 2,
        /// <summary>H5F_FSPACE_STRATEGY_NONE</summary>
        None = 3,
    }

    /// <summary><c>H5Fcreate</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fcreate", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Create(string filename, uint flags, H5Id fcplId, H5Id faplId);

    /// <summary><c>H5Fopen</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Open(string filename, uint flags, H5Id faplId);

    /// <summary><c>H5Fclose</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fclose")]
    public static partial int Close(long fileId);

    /// <summary><c>H5Fflush</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fflush")]
    public static partial int Flush(H5Id objectId, Scope scope);

    /// <summary><c>H5Fis_hdf5</c> (deprecated since 1.12, absent from builds without deprecated symbols).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fis_hdf5", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int IsHdf5(string filename);

    /// <summary><c>H5Fis_accessible</c> (libhdf5 1.12 and later): whether the file can be opened as HDF5.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fis_accessible", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int IsAccessible(string filename, H5Id faplId);

    /// <summary><c>H5Fget_obj_count</c> on a raw id (<see cref="ObjIdAllFiles"/> for all files).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_obj_count")]
    public static partial nint GetObjCount(long fileId, uint types);

    /// <summary><c>H5Fget_obj_ids</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_obj_ids")]
    public static partial nint GetObjIds(long fileId, uint types, nuint maxObjs, long* objIdList);

    /// <summary><c>H5Fget_name</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_name")]
    public static partial nint GetName(H5Id objId, byte* name, nuint size);

    /// <summary><c>H5Fget_intent</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_intent")]
    public static partial int GetIntent(H5Id fileId, out uint intent);

    /// <summary><c>H5Fget_vfd_handle</c>: for the sec2 driver, <paramref name="fileHandle"/> points to the POSIX file descriptor.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_vfd_handle")]
    public static partial int GetVfdHandle(H5Id fileId, H5Id faplId, void** fileHandle);

    /// <summary><c>H5Fget_filesize</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_filesize")]
    public static partial int GetFilesize(H5Id fileId, out ulong size);

    /// <summary><c>H5Fget_freespace</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_freespace")]
    public static partial long GetFreespace(H5Id fileId);

    /// <summary><c>H5Fget_create_plist</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_create_plist")]
    public static partial long GetCreatePlist(H5Id fileId);

    /// <summary><c>H5Fget_access_plist</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_access_plist")]
    public static partial long GetAccessPlist(H5Id fileId);

    /// <summary><c>H5Fget_mdc_config</c>; set <c>Version</c> of the struct first.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_mdc_config")]
    public static partial int GetMdcConfig(H5Id fileId, H5AC.CacheConfig* config);

    /// <summary><c>H5Fget_mdc_hit_rate</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_mdc_hit_rate")]
    public static partial int GetMdcHitRate(H5Id fileId, out double hitRate);

    /// <summary><c>H5Fget_file_image</c>: copies the file's bytes (core driver or any file) into a buffer.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_file_image")]
    public static partial nint GetFileImage(H5Id fileId, void* bufPtr, nuint bufLen);

    /// <summary><c>H5Fstart_swmr_write</c>: switches a file opened read-write into single-writer/multiple-reader
    /// writing (1.10 and later).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fstart_swmr_write")]
    public static partial int StartSwmrWrite(H5Id fileId);

    /// <summary><c>H5Fget_info2</c>: superblock, free-space and shared-message versions and sizes (1.10 and later).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_info2")]
    public static partial int GetInfo2(H5Id objId, out Info2 info);

    /// <summary><c>H5F_info2_t</c> (the same layout in 1.10, 1.12 and 1.14).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info2
    {
        /// <summary><c>super.version</c>: the superblock version (3 and later for the 1.10 format SWMR needs).</summary>
        public uint SuperVersion;
        /// <summary><c>super.super_size</c></summary>
        public ulong SuperSize;
        /// <summary><c>super.super_ext_size</c></summary>
        public ulong SuperExtSize;
        /// <summary><c>free.version</c></summary>
        public uint FreeVersion;
        /// <summary><c>free.meta_size</c></summary>
        public ulong FreeMetaSize;
        /// <summary><c>free.tot_space</c></summary>
        public ulong FreeTotalSpace;
        /// <summary><c>sohm.version</c></summary>
        public uint SohmVersion;
        /// <summary><c>sohm.hdr_size</c></summary>
        public ulong SohmHeaderSize;
        /// <summary><c>sohm.msgs_info.index_size</c></summary>
        public ulong SohmIndexSize;
        /// <summary><c>sohm.msgs_info.heap_size</c></summary>
        public ulong SohmHeapSize;
    }

    /// <summary><c>H5Fget_page_buffering_stats</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Fget_page_buffering_stats")]
    public static partial int GetPageBufferingStats(H5Id fileId, uint* accesses, uint* hits, uint* misses, uint* evictions, uint* bypasses);
}

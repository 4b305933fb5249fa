using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Dpublic.h</c> (datasets).</summary>
public static unsafe partial class H5D
{
    /// <summary><c>H5D_space_status_t</c></summary>
    public enum SpaceStatus
    {
        /// <summary>H5D_SPACE_STATUS_ERROR</summary>
        Error = -1,
        /// <summary>H5D_SPACE_STATUS_NOT_ALLOCATED</summary>
        NotAllocated = 0,
        /// <summary>H5D_SPACE_STATUS_PART_ALLOCATED</summary>
        PartAllocated = 1,
        /// <summary>H5D_SPACE_STATUS_ALLOCATED</summary>
        Allocated = 2,
    }

    /// <summary><c>H5Dcreate2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dcreate2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Create2(H5Id locId, string name, H5Id typeId, H5Id spaceId, H5Id lcplId, H5Id dcplId, H5Id daplId);

    /// <summary><c>H5Dcreate_anon</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dcreate_anon")]
    public static partial long CreateAnon(H5Id locId, H5Id typeId, H5Id spaceId, H5Id dcplId, H5Id daplId);

    /// <summary><c>H5Dopen2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dopen2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Open2(H5Id locId, string name, H5Id daplId);

    /// <summary><c>H5Dclose</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dclose")]
    public static partial int Close(long dsetId);

    /// <summary><c>H5Dget_space</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dget_space")]
    public static partial long GetSpace(H5Id dsetId);

    /// <summary><c>H5Dget_type</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dget_type")]
    public static partial long GetType(H5Id dsetId);

    /// <summary><c>H5Dget_create_plist</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dget_create_plist")]
    public static partial long GetCreatePlist(H5Id dsetId);

    /// <summary><c>H5Dget_access_plist</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dget_access_plist")]
    public static partial long GetAccessPlist(H5Id dsetId);

    /// <summary><c>H5Dget_storage_size</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dget_storage_size")]
    public static partial ulong GetStorageSize(H5Id dsetId);

    /// <summary><c>H5Dget_space_status</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dget_space_status")]
    public static partial int GetSpaceStatus(H5Id dsetId, out SpaceStatus allocation);

    /// <summary><c>H5Dget_offset</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dget_offset")]
    public static partial ulong GetOffset(H5Id dsetId);

    /// <summary><c>H5Dread</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dread")]
    public static partial int Read(H5Id dsetId, H5Id memTypeId, H5Id memSpaceId, H5Id fileSpaceId, H5Id plistId, void* buf);

    /// <summary><c>H5Dwrite</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dwrite")]
    public static partial int Write(H5Id dsetId, H5Id memTypeId, H5Id memSpaceId, H5Id fileSpaceId, H5Id plistId, void* buf);

    /// <summary><c>H5Dset_extent</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dset_extent")]
    public static partial int SetExtent(H5Id dsetId, ulong* size);

    /// <summary><c>H5Dvlen_reclaim</c>: frees the buffers libhdf5 allocated for variable-length data (deprecated
    /// since 1.12 in favour of <c>H5Treclaim</c>; <see cref="LowLevel.H5Api.ReclaimVlen"/> calls the right one).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dvlen_reclaim")]
    public static partial int VlenReclaim(H5Id typeId, H5Id spaceId, H5Id plistId, void* buf);

    /// <summary><c>H5Dflush</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dflush")]
    public static partial int Flush(H5Id dsetId);

    /// <summary><c>H5Drefresh</c>: re-reads the dataset's metadata from the file, so a SWMR reader sees the writer's
    /// flushed extent and chunks (1.10 and later).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Drefresh")]
    public static partial int Refresh(H5Id dsetId);

    /// <summary><c>H5Dget_chunk_storage_size</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dget_chunk_storage_size")]
    public static partial int GetChunkStorageSize(H5Id dsetId, ulong* offset, out ulong chunkBytes);

    /// <summary><c>H5Dread_chunk</c> of libhdf5 1.10.3-1.14: the raw (still filtered) bytes of one chunk (a macro
    /// for <c>H5Dread_chunk2</c> since 2.0, where this symbol is gone).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dread_chunk")]
    public static partial int ReadChunk(H5Id dsetId, H5Id dxplId, ulong* offset, uint* filters, void* buf);

    /// <summary><c>H5Dread_chunk2</c> (libhdf5 2.0 and later): <paramref name="bufSize"/> is the buffer's size in,
    /// the chunk's size out.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dread_chunk2")]
    public static partial int ReadChunk2(H5Id dsetId, H5Id dxplId, ulong* offset, uint* filters, void* buf, nuint* bufSize);

    /// <summary><c>H5Dwrite_chunk</c>: stores already-filtered bytes as one chunk.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Dwrite_chunk")]
    public static partial int WriteChunk(H5Id dsetId, H5Id dxplId, uint filters, ulong* offset, nuint dataSize, void* buf);
}

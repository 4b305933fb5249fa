using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Opublic.h</c> (objects).</summary>
public static unsafe partial class H5O
{
    /// <summary><c>H5O_type_t</c></summary>
    public enum Type
    {
        /// <summary>H5O_TYPE_UNKNOWN</summary>
        Unknown = -1,
        /// <summary>H5O_TYPE_GROUP</summary>
        Group = 0,
        /// <summary>H5O_TYPE_DATASET</summary>
        Dataset = 1,
        /// <summary>H5O_TYPE_NAMED_DATATYPE</summary>
        NamedDatatype = 2,
    }

    /// <summary><c>H5O_INFO_BASIC</c></summary>
    public const uint InfoBasic = 0x0001;
    /// <summary><c>H5O_INFO_NUM_ATTRS</c></summary>
    public const uint InfoNumAttrs = 0x0004;

    /// <summary><c>H5O_token_t</c> (libhdf5 1.12 and later): 16 opaque bytes naming an object in its file. The
    /// native file format stores the object's address in the first bytes (little-endian), the rest zero.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Token
    {
        /// <summary>Bytes 0-7.</summary>
        public ulong Low;
        /// <summary>Bytes 8-15.</summary>
        public ulong High;
    }

    /// <summary><c>H5O_info_t</c> of libhdf5 1.10 (<c>H5O_info1_t</c> since 1.12): the basic fields with the
    /// object's address, then room for the header and meta-size parts that this library does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info
    {
        /// <summary>fileno (unsigned long: 32 bits on Windows)</summary>
        public CULong Fileno;
        /// <summary>addr (haddr_t)</summary>
        public ulong Addr;
        /// <summary>type</summary>
        public Type Type;
        /// <summary>rc (reference count)</summary>
        public uint Rc;
        /// <summary>atime</summary>
        public long Atime;
        /// <summary>mtime</summary>
        public long Mtime;
        /// <summary>ctime</summary>
        public long Ctime;
        /// <summary>btime</summary>
        public long Btime;
        /// <summary>num_attrs</summary>
        public ulong NumAttrs;
        /// <summary>hdr and meta_size (H5O_hdr_info_t, 2 × H5_ih_info_t), kept opaque.</summary>
        public fixed byte Rest[128];
    }

    /// <summary><c>H5O_info2_t</c> (libhdf5 1.12 and later): the object named by a token, no header sizes.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info2
    {
        /// <summary>fileno (unsigned long: 32 bits on Windows)</summary>
        public CULong Fileno;
        /// <summary>token</summary>
        public Token Token;
        /// <summary>type</summary>
        public Type Type;
        /// <summary>rc (reference count)</summary>
        public uint Rc;
        /// <summary>atime</summary>
        public long Atime;
        /// <summary>mtime</summary>
        public long Mtime;
        /// <summary>ctime</summary>
        public long Ctime;
        /// <summary>btime</summary>
        public long Btime;
        /// <summary>num_attrs</summary>
        public ulong NumAttrs;
    }

    /// <summary><c>H5Oopen</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Open(H5Id locId, string name, H5Id laplId);

    /// <summary><c>H5Oclose</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oclose")]
    public static partial int Close(long objectId);

    // The object-info entry points changed twice: 1.10.3 added the fields mask (H5Oget_info2), 1.12 replaced
    // addresses by tokens (H5Oget_info3) and kept the older ones only as deprecated symbols. LowLevel.H5ObjectInfo
    // calls the one the loaded version has; each binding resolves only when first called.

    /// <summary><c>H5Oget_info</c> of libhdf5 1.10.0-1.10.2 (no fields mask; a macro in later versions).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oget_info")]
    public static partial int GetInfo(H5Id locId, Info* oinfo);

    /// <summary><c>H5Oget_info2</c> (libhdf5 1.10.3-1.10.x; deprecated since 1.12).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oget_info2")]
    public static partial int GetInfo2(H5Id locId, Info* oinfo, uint fields);

    /// <summary><c>H5Oget_info3</c> (libhdf5 1.12 and later).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oget_info3")]
    public static partial int GetInfo3(H5Id locId, Info2* oinfo, uint fields);

    /// <summary><c>H5Oget_info_by_name</c> of libhdf5 1.10.0-1.10.2.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oget_info_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetInfoByName(H5Id locId, string name, Info* oinfo, H5Id laplId);

    /// <summary><c>H5Oget_info_by_name2</c> (libhdf5 1.10.3-1.10.x; deprecated since 1.12).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oget_info_by_name2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetInfoByName2(H5Id locId, string name, Info* oinfo, uint fields, H5Id laplId);

    /// <summary><c>H5Oget_info_by_name3</c> (libhdf5 1.12 and later).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oget_info_by_name3", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetInfoByName3(H5Id locId, string name, Info2* oinfo, uint fields, H5Id laplId);

    /// <summary><c>H5Oexists_by_name</c>: whether the path resolves to an object (false for a dangling link).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oexists_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ExistsByName(H5Id locId, string name, H5Id laplId);

    /// <summary><c>H5Olink</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Olink", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Link(H5Id objId, H5Id newLocId, string newName, H5Id lcplId, H5Id laplId);

    /// <summary><c>H5Ocopy</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Ocopy", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Copy(H5Id srcLocId, string srcName, H5Id dstLocId, string dstName, H5Id ocpyplId, H5Id lcplId);

    /// <summary><c>H5Ovisit</c> as libhdf5 1.10.0 to 1.10.2 name it: calls <paramref name="op"/>
    /// (<c>herr_t (*)(hid_t obj, const char *name, const H5O_info_t *info, void *op_data)</c>) once for each object
    /// reachable from <paramref name="objId"/>, itself included; an object behind several hard links is visited once.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Ovisit")]
    public static unsafe partial int Visit(H5Id objId, H5.Index idxType, H5.IterOrder order, delegate* unmanaged<long, byte*, void*, void*, int> op, void* opData);

    /// <summary><c>H5Ovisit2</c> (libhdf5 1.10.3 and later): <see cref="Visit"/> with a fields mask for the
    /// <c>H5O_info1_t</c> passed to <paramref name="op"/>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Ovisit2")]
    public static unsafe partial int Visit2(H5Id objId, H5.Index idxType, H5.IterOrder order, delegate* unmanaged<long, byte*, void*, void*, int> op, void* opData, uint fields);

    /// <summary><c>H5Ovisit3</c> (libhdf5 1.12 and later): <see cref="Visit2"/> passing an <c>H5O_info2_t</c> (tokens).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Ovisit3")]
    public static unsafe partial int Visit3(H5Id objId, H5.Index idxType, H5.IterOrder order, delegate* unmanaged<long, byte*, void*, void*, int> op, void* opData, uint fields);
}

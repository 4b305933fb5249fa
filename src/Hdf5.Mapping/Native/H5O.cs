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

    /// <summary><c>H5O_info_t</c> (1.10 layout): the basic fields, then room for the header and
    /// meta-size parts that this library does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info
    {
        /// <summary>fileno</summary>
        public ulong Fileno;
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

    /// <summary><c>H5Oopen</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Open(H5Id locId, string name, H5Id laplId);

    /// <summary><c>H5Oclose</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oclose")]
    public static partial int Close(long objectId);

    /// <summary><c>H5Oget_info2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oget_info2")]
    public static partial int GetInfo2(H5Id locId, Info* oinfo, uint fields);

    /// <summary><c>H5Oget_info_by_name2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oget_info_by_name2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetInfoByName2(H5Id locId, string name, Info* oinfo, uint fields, H5Id laplId);

    /// <summary><c>H5Oexists_by_name</c>: whether the path resolves to an object (false for a dangling link).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Oexists_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ExistsByName(H5Id locId, string name, H5Id laplId);

    /// <summary><c>H5Olink</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Olink", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Link(H5Id objId, H5Id newLocId, string newName, H5Id lcplId, H5Id laplId);

    /// <summary><c>H5Ocopy</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Ocopy", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Copy(H5Id srcLocId, string srcName, H5Id dstLocId, string dstName, H5Id ocpyplId, H5Id lcplId);
}

using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Lpublic.h</c> (links).</summary>
public static unsafe partial class H5L
{
    /// <summary><c>H5L_type_t</c></summary>
    public enum Type
    {
        /// <summary>H5L_TYPE_ERROR</summary>
        Error = -1,
        /// <summary>H5L_TYPE_HARD</summary>
        Hard = 0,
        /// <summary>H5L_TYPE_SOFT</summary>
        Soft = 1,
        /// <summary>H5L_TYPE_EXTERNAL</summary>
        External = 64,
    }

    /// <summary><c>H5L_info_t</c> (1.10 layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info
    {
        /// <summary>type</summary>
        public Type Type;
        /// <summary>corder_valid (hbool_t)</summary>
        public byte CorderValid;
        /// <summary>corder</summary>
        public long Corder;
        /// <summary>cset</summary>
        public H5T.Cset Cset;
        /// <summary>u.address or u.val_size</summary>
        public ulong AddressOrValSize;
    }

    /// <summary><c>H5Lexists</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lexists", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Exists(H5Id locId, string name, H5Id laplId);

    /// <summary><c>H5Lget_info</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lget_info", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetInfo(H5Id locId, string name, Info* linfo, H5Id laplId);

    /// <summary><c>H5Lget_name_by_idx</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lget_name_by_idx", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GetNameByIdx(H5Id locId, string groupName, H5.Index idxType, H5.IterOrder order, ulong n, byte* name, nuint size, H5Id laplId);

    /// <summary><c>H5Lget_val</c>: the target of a soft link or the packed file/path of an external link.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lget_val", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetVal(H5Id locId, string name, byte* buf, nuint size, H5Id laplId);

    /// <summary><c>H5Lunpack_elink_val</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lunpack_elink_val")]
    public static partial int UnpackElinkVal(byte* extLinkval, nuint linkSize, uint* flags, byte** filename, byte** objPath);

    /// <summary><c>H5Ldelete</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Ldelete", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Delete(H5Id locId, string name, H5Id laplId);

    /// <summary><c>H5Lcreate_soft</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lcreate_soft", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int CreateSoft(string linkTarget, H5Id linkLocId, string linkName, H5Id lcplId, H5Id laplId);

    /// <summary><c>H5Lcreate_hard</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lcreate_hard", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int CreateHard(H5Id curLocId, string curName, H5Id dstLocId, string dstName, H5Id lcplId, H5Id laplId);

    /// <summary><c>H5Lcreate_external</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lcreate_external", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int CreateExternal(string fileName, string objName, H5Id linkLocId, string linkName, H5Id lcplId, H5Id laplId);

    /// <summary><c>H5Lmove</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lmove", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Move(H5Id srcLoc, string srcName, H5Id dstLoc, string dstName, H5Id lcplId, H5Id laplId);
}

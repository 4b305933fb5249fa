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

    /// <summary><c>H5L_info_t</c> of libhdf5 1.10 (<c>H5L_info1_t</c> since 1.12): the target as an address.</summary>
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

    /// <summary><c>H5L_info2_t</c> (libhdf5 1.12 and later): the target as an object token.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info2
    {
        /// <summary>type</summary>
        public Type Type;
        /// <summary>corder_valid (hbool_t)</summary>
        public byte CorderValid;
        /// <summary>corder</summary>
        public long Corder;
        /// <summary>cset</summary>
        public H5T.Cset Cset;
        /// <summary>u.token, or u.val_size in its first eight bytes</summary>
        public H5O.Token TokenOrValSize;
    }

    /// <summary><c>H5Lexists</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lexists", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Exists(H5Id locId, string name, H5Id laplId);

    /// <summary><c>H5Lget_info</c> of libhdf5 1.10 (a macro since 1.12, where this symbol is gone).
    /// <see cref="LowLevel.H5LinkDetails.Get"/> calls the entry point of the loaded version.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lget_info", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetInfo(H5Id locId, string name, Info* linfo, H5Id laplId);

    /// <summary><c>H5Lget_info2</c> (libhdf5 1.12 and later).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Lget_info2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetInfo2(H5Id locId, string name, Info2* linfo, H5Id laplId);

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

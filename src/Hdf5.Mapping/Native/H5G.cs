using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Gpublic.h</c> (groups).</summary>
public static unsafe partial class H5G
{
    /// <summary><c>H5G_info_t</c></summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Info
    {
        /// <summary>storage_type (H5G_storage_type_t)</summary>
        public int StorageType;
        /// <summary>nlinks</summary>
        public ulong Nlinks;
        /// <summary>max_corder</summary>
        public long MaxCorder;
        /// <summary>mounted (hbool_t)</summary>
        public byte Mounted;
    }

    /// <summary><c>H5Gcreate2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Gcreate2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Create2(H5Id locId, string name, H5Id lcplId, H5Id gcplId, H5Id gaplId);

    /// <summary><c>H5Gopen2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Gopen2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Open2(H5Id locId, string name, H5Id gaplId);

    /// <summary><c>H5Gclose</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Gclose")]
    public static partial int Close(long groupId);

    /// <summary><c>H5Gget_info</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Gget_info")]
    public static partial int GetInfo(H5Id locId, Info* groupInfo);

    /// <summary><c>H5Gget_create_plist</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Gget_create_plist")]
    public static partial long GetCreatePlist(H5Id groupId);
}

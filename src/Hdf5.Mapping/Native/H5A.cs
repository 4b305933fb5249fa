using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Apublic.h</c> (attributes).</summary>
public static unsafe partial class H5A
{
    /// <summary><c>H5Acreate2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Acreate2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Create2(H5Id locId, string attrName, H5Id typeId, H5Id spaceId, H5Id acplId, H5Id aaplId);

    /// <summary><c>H5Aopen</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Aopen", StringMarshalling = StringMarshalling.Utf8)]
    public static partial long Open(H5Id objId, string attrName, H5Id aaplId);

    /// <summary><c>H5Aclose</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Aclose")]
    public static partial int Close(long attrId);

    /// <summary><c>H5Aexists</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Aexists", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Exists(H5Id objId, string attrName);

    /// <summary><c>H5Adelete</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Adelete", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Delete(H5Id locId, string name);

    /// <summary><c>H5Aread</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Aread")]
    public static partial int Read(H5Id attrId, H5Id memTypeId, void* buf);

    /// <summary><c>H5Awrite</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Awrite")]
    public static partial int Write(H5Id attrId, H5Id memTypeId, void* buf);

    /// <summary><c>H5Aget_space</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Aget_space")]
    public static partial long GetSpace(H5Id attrId);

    /// <summary><c>H5Aget_type</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Aget_type")]
    public static partial long GetType(H5Id attrId);

    /// <summary><c>H5Aget_name_by_idx</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Aget_name_by_idx", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint GetNameByIdx(H5Id locId, string objName, H5.Index idxType, H5.IterOrder order, ulong n, byte* name, nuint size, H5Id laplId);

    /// <summary><c>H5Aget_storage_size</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Aget_storage_size")]
    public static partial ulong GetStorageSize(H5Id attrId);

    /// <summary><c>H5Arename</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Arename", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Rename(H5Id locId, string oldAttrName, string newAttrName);

    /// <summary><c>H5Arename_by_name</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Arename_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int RenameByName(H5Id locId, string objName, string oldAttrName, string newAttrName, H5Id laplId);

    /// <summary><c>H5Adelete_by_name</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Adelete_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int DeleteByName(H5Id locId, string objName, string attrName, H5Id laplId);

    /// <summary><c>H5Aexists_by_name</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Aexists_by_name", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int ExistsByName(H5Id locId, string objName, string attrName, H5Id laplId);
}

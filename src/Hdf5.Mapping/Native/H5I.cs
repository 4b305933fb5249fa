using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Ipublic.h</c> (identifiers).</summary>
public static unsafe partial class H5I
{
    /// <summary>Values of <c>H5I_type_t</c>.</summary>
    public enum Type
    {
        /// <summary>H5I_BADID</summary>
        BadId = -1,
        /// <summary>H5I_FILE</summary>
        File = 1,
        /// <summary>H5I_GROUP</summary>
        Group,
        /// <summary>H5I_DATATYPE</summary>
        Datatype,
        /// <summary>H5I_DATASPACE</summary>
        Dataspace,
        /// <summary>H5I_DATASET</summary>
        Dataset,
        /// <summary>H5I_ATTR</summary>
        Attr,
        /// <summary>H5I_REFERENCE (unused in 1.10)</summary>
        Reference,
        /// <summary>H5I_VFL</summary>
        Vfl,
        /// <summary>H5I_GENPROP_CLS</summary>
        GenpropCls,
        /// <summary>H5I_GENPROP_LST</summary>
        GenpropLst,
        /// <summary>H5I_ERROR_CLASS</summary>
        ErrorClass,
        /// <summary>H5I_ERROR_MSG</summary>
        ErrorMsg,
        /// <summary>H5I_ERROR_STACK</summary>
        ErrorStack,
    }

    /// <summary><c>H5Iis_valid</c> on a raw id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Iis_valid")]
    public static partial int IsValid(long id);

    /// <summary><c>H5Iget_type</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Iget_type")]
    public static partial Type GetType(H5Id id);

    /// <summary><c>H5Iget_name</c>: the path the object was opened by.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Iget_name")]
    public static partial nint GetName(H5Id id, byte* name, nuint size);

    /// <summary><c>H5Iget_file_id</c>: a new id of the file holding the object.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Iget_file_id")]
    public static partial long GetFileId(H5Id id);

    /// <summary><c>H5Iget_ref</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Iget_ref")]
    public static partial int GetRef(H5Id id);

    /// <summary><c>H5Idec_ref</c> on a raw id (used by typed handles to release).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Idec_ref")]
    public static partial int DecRef(long id);

    /// <summary><c>H5Inmembers</c>: how many ids of a kind are open.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Inmembers")]
    public static partial int Nmembers(Type type, ulong* numMembers);
}

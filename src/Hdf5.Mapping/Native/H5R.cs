using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Rpublic.h</c>: the 1.10 references (<c>hobj_ref_t</c> and <c>hdset_reg_ref_t</c>, which every
/// later version keeps with these functions) and the basics of the opaque <c>H5R_ref_t</c> of libhdf5 1.12 and later.</summary>
public static unsafe partial class H5R
{
    /// <summary><c>H5R_type_t</c></summary>
    public enum Type
    {
        /// <summary>H5R_BADTYPE</summary>
        BadType = -1,
        /// <summary>H5R_OBJECT</summary>
        Object = 0,
        /// <summary>H5R_DATASET_REGION</summary>
        DatasetRegion = 1,
    }

    /// <summary><c>H5R_ref_t</c> (libhdf5 1.12 and later): 64 opaque bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    public struct Ref
    {
        private long _align;
    }

    /// <summary><c>H5Rcreate_object</c> (libhdf5 1.12 and later); release the reference with <see cref="Destroy"/>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Rcreate_object", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int CreateObject(H5Id locId, string name, H5Id oaplId, Ref* refPtr);

    /// <summary><c>H5Rdestroy</c> (libhdf5 1.12 and later).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Rdestroy")]
    public static partial int Destroy(Ref* refPtr);

    /// <summary><c>H5Rcreate</c> (the 1.10 references, kept by every later version).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Rcreate", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Create(void* reference, H5Id locId, string name, Type refType, H5Id spaceId);

    /// <summary><c>H5Rdereference2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Rdereference2")]
    public static partial long Dereference2(H5Id objId, H5Id oaplId, Type refType, void* reference);

    /// <summary><c>H5Rget_region</c>: a dataspace with the referenced selection.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Rget_region")]
    public static partial long GetRegion(H5Id datasetId, Type refType, void* reference);

    /// <summary><c>H5Rget_obj_type2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Rget_obj_type2")]
    public static partial int GetObjType2(H5Id id, Type refType, void* reference, out H5O.Type objType);

    /// <summary><c>H5Rget_name</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Rget_name")]
    public static partial nint GetName(H5Id locId, Type refType, void* reference, byte* name, nuint size);
}

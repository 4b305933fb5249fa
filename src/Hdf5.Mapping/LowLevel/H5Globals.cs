using System.Runtime.InteropServices;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// libhdf5's predefined ids, which C code reaches through macros over global variables
/// (<c>H5T_NATIVE_DOUBLE</c> is <c>H5T_NATIVE_DOUBLE_g</c> after <c>H5open</c>). Each is read once, after
/// the library is initialized, and wrapped without ownership so nothing ever closes it.
/// </summary>
public static class H5Globals
{
    /// <summary>Reads the <c>hid_t</c> global variable <paramref name="symbol"/> (e.g. <c>"H5T_NATIVE_INT_g"</c>).</summary>
    public static unsafe long ReadId(string symbol)
    {
        // During set-up (before EnsureInitialized returns) the library is already loaded: don't re-enter set-up.
        if (H5LibraryResolver.CoreHandle == 0) H5Library.EnsureInitialized();
        var address = NativeLibrary.GetExport(H5LibraryResolver.CoreHandle, symbol);
        return *(long*)address;
    }

    /// <summary>Reads the <c>hid_t</c> global <paramref name="symbol"/>, or -1 (never a valid id) when the loaded libhdf5
    /// does not define it: an error class that one version lacks then matches nothing instead of failing the lookup.</summary>
    public static unsafe long ReadIdOrInvalid(string symbol)
    {
        if (H5LibraryResolver.CoreHandle == 0) H5Library.EnsureInitialized();
        return NativeLibrary.TryGetExport(H5LibraryResolver.CoreHandle, symbol, out var address) ? *(long*)address : -1;
    }

    private static DatatypeId Type(string symbol) => new(ReadId(symbol), ownsHandle: false);

    // Native datatypes (H5T_NATIVE_*).
    /// <summary>H5T_NATIVE_INT8</summary>
    public static DatatypeId NativeInt8 => s_i8 ??= Type("H5T_NATIVE_INT8_g");
    /// <summary>H5T_NATIVE_UINT8</summary>
    public static DatatypeId NativeUInt8 => s_u8 ??= Type("H5T_NATIVE_UINT8_g");
    /// <summary>H5T_NATIVE_INT16</summary>
    public static DatatypeId NativeInt16 => s_i16 ??= Type("H5T_NATIVE_INT16_g");
    /// <summary>H5T_NATIVE_UINT16</summary>
    public static DatatypeId NativeUInt16 => s_u16 ??= Type("H5T_NATIVE_UINT16_g");
    /// <summary>H5T_NATIVE_INT32</summary>
    public static DatatypeId NativeInt32 => s_i32 ??= Type("H5T_NATIVE_INT32_g");
    /// <summary>H5T_NATIVE_UINT32</summary>
    public static DatatypeId NativeUInt32 => s_u32 ??= Type("H5T_NATIVE_UINT32_g");
    /// <summary>H5T_NATIVE_INT64</summary>
    public static DatatypeId NativeInt64 => s_i64 ??= Type("H5T_NATIVE_INT64_g");
    /// <summary>H5T_NATIVE_UINT64</summary>
    public static DatatypeId NativeUInt64 => s_u64 ??= Type("H5T_NATIVE_UINT64_g");
    /// <summary>H5T_NATIVE_FLOAT</summary>
    public static DatatypeId NativeFloat => s_f32 ??= Type("H5T_NATIVE_FLOAT_g");
    /// <summary>H5T_NATIVE_DOUBLE</summary>
    public static DatatypeId NativeDouble => s_f64 ??= Type("H5T_NATIVE_DOUBLE_g");
    /// <summary>H5T_IEEE_F32LE (the base h5py copies to build float16)</summary>
    public static DatatypeId IeeeF32Le => s_ieee32 ??= Type("H5T_IEEE_F32LE_g");
    /// <summary>H5T_C_S1 (the base of C string types)</summary>
    public static DatatypeId CS1 => s_cs1 ??= Type("H5T_C_S1_g");
    /// <summary>H5T_STD_REF_OBJ (hobj_ref_t)</summary>
    public static DatatypeId StdRefObj => s_refObj ??= Type("H5T_STD_REF_OBJ_g");
    /// <summary>H5T_STD_REF_DSETREG (hdset_reg_ref_t)</summary>
    public static DatatypeId StdRefDsetReg => s_refReg ??= Type("H5T_STD_REF_DSETREG_g");

    /// <summary>H5T_STD_REF (<c>H5R_ref_t</c>, libhdf5 1.12 and later only)</summary>
    public static DatatypeId StdRef => s_ref ??= Type("H5T_STD_REF_g");

    private static DatatypeId? s_ref, s_i8, s_u8, s_i16, s_u16, s_i32, s_u32, s_i64, s_u64, s_f32, s_f64, s_ieee32, s_cs1, s_refObj, s_refReg;

    // Property list classes (H5P_*), used with H5Pcreate.
    /// <summary>H5P_FILE_CREATE</summary>
    public static long FileCreate => ReadId("H5P_CLS_FILE_CREATE_ID_g");
    /// <summary>H5P_FILE_ACCESS</summary>
    public static long FileAccess => ReadId("H5P_CLS_FILE_ACCESS_ID_g");
    /// <summary>H5P_DATASET_CREATE</summary>
    public static long DatasetCreate => ReadId("H5P_CLS_DATASET_CREATE_ID_g");
    /// <summary>H5P_DATASET_ACCESS</summary>
    public static long DatasetAccess => ReadId("H5P_CLS_DATASET_ACCESS_ID_g");
    /// <summary>H5P_DATASET_XFER</summary>
    public static long DatasetXfer => ReadId("H5P_CLS_DATASET_XFER_ID_g");
    /// <summary>H5P_GROUP_CREATE</summary>
    public static long GroupCreate => ReadId("H5P_CLS_GROUP_CREATE_ID_g");
    /// <summary>H5P_LINK_CREATE</summary>
    public static long LinkCreate => ReadId("H5P_CLS_LINK_CREATE_ID_g");
    /// <summary>H5P_ATTRIBUTE_CREATE</summary>
    public static long AttributeCreate => ReadId("H5P_CLS_ATTRIBUTE_CREATE_ID_g");
    /// <summary>H5P_OBJECT_CREATE</summary>
    public static long ObjectCreate => ReadId("H5P_CLS_OBJECT_CREATE_ID_g");

    /// <summary>Error ids this library maps to exceptions (<c>H5E_*</c>).</summary>
    public static class Errors
    {
        /// <summary>Major: H5E_FILE</summary>
        public static long File => s_file ??= ReadIdOrInvalid("H5E_FILE_g");
        /// <summary>Major: H5E_PLINE (filter pipeline)</summary>
        public static long Pline => s_pline ??= ReadIdOrInvalid("H5E_PLINE_g");
        /// <summary>Major: H5E_PLUGIN</summary>
        public static long Plugin => s_plugin ??= ReadIdOrInvalid("H5E_PLUGIN_g");
        /// <summary>Major: H5E_DATASPACE</summary>
        public static long Dataspace => s_dataspace ??= ReadIdOrInvalid("H5E_DATASPACE_g");
        /// <summary>Minor: H5E_NOTFOUND</summary>
        public static long NotFound => s_notFound ??= ReadIdOrInvalid("H5E_NOTFOUND_g");
        /// <summary>Minor: H5E_NOTHDF5</summary>
        public static long NotHdf5 => s_notHdf5 ??= ReadIdOrInvalid("H5E_NOTHDF5_g");
        /// <summary>Minor: H5E_TRUNCATED</summary>
        public static long Truncated => s_truncated ??= ReadIdOrInvalid("H5E_TRUNCATED_g");
        /// <summary>Minor: H5E_EXISTS</summary>
        public static long Exists => s_exists ??= ReadIdOrInvalid("H5E_EXISTS_g");
        /// <summary>Minor: H5E_FILEEXISTS</summary>
        public static long FileExists => s_fileExists ??= ReadIdOrInvalid("H5E_FILEEXISTS_g");
        /// <summary>Minor: H5E_CANTOPENFILE</summary>
        public static long CantOpenFile => s_cantOpenFile ??= ReadIdOrInvalid("H5E_CANTOPENFILE_g");
        /// <summary>Minor: H5E_CANTCONVERT</summary>
        public static long CantConvert => s_cantConvert ??= ReadIdOrInvalid("H5E_CANTCONVERT_g");
        /// <summary>Minor: H5E_BADRANGE</summary>
        public static long BadRange => s_badRange ??= ReadIdOrInvalid("H5E_BADRANGE_g");
        /// <summary>Minor: H5E_CANTLOAD (plugin could not be loaded)</summary>
        public static long CantLoad => s_cantLoad ??= ReadIdOrInvalid("H5E_CANTLOAD_g");
        /// <summary>Minor: H5E_NOFILTER</summary>
        public static long NoFilter => s_noFilter ??= ReadIdOrInvalid("H5E_NOFILTER_g");
        /// <summary>Minor: H5E_BADID (an id that is not valid; H5E_BADATOM before libhdf5 1.12)</summary>
        public static long BadId => s_badId ??= ReadIdOrInvalid(H5Api.UsesTokens ? "H5E_BADID_g" : "H5E_BADATOM_g");
        /// <summary>Minor: H5E_SEEKERROR</summary>
        public static long SeekError => s_seekError ??= ReadIdOrInvalid("H5E_SEEKERROR_g");
        /// <summary>Minor: H5E_READERROR</summary>
        public static long ReadError => s_readError ??= ReadIdOrInvalid("H5E_READERROR_g");
        /// <summary>Minor: H5E_CANTDECODE</summary>
        public static long CantDecode => s_cantDecode ??= ReadIdOrInvalid("H5E_CANTDECODE_g");
        /// <summary>Minor: H5E_BADFILE</summary>
        public static long BadFile => s_badFile ??= ReadIdOrInvalid("H5E_BADFILE_g");
        /// <summary>Minor: H5E_WRITEERROR</summary>
        public static long WriteError => s_writeError ??= ReadIdOrInvalid("H5E_WRITEERROR_g");
        /// <summary>Minor: H5E_CANTFILTER</summary>
        public static long CantFilter => s_cantFilter ??= ReadIdOrInvalid("H5E_CANTFILTER_g");

        /// <summary>Major: H5E_CACHE (the metadata cache)</summary>
        public static long Cache => s_cache ??= ReadId("H5E_CACHE_g");
        /// <summary>Minor: H5E_OVERFLOW (an address past the end of the file)</summary>
        public static long Overflow => s_overflow ??= ReadId("H5E_OVERFLOW_g");
        /// <summary>Minor: H5E_VERSION (a structure of an unknown version)</summary>
        public static long BadVersion => s_badVersion ??= ReadId("H5E_VERSION_g");
        /// <summary>Minor: H5E_CANTPROTECT (a metadata cache entry could not be loaded for use)</summary>
        public static long CantProtect => s_cantProtect ??= ReadId("H5E_CANTPROTECT_g");

        /// <summary>Major: H5E_HEAP (local, global and fractal heaps)</summary>
        public static long Heap => s_heap ??= ReadId("H5E_HEAP_g");
        /// <summary>Major: H5E_BTREE (B-tree nodes)</summary>
        public static long BTree => s_btree ??= ReadId("H5E_BTREE_g");

        private static long? s_cache, s_overflow, s_badVersion, s_cantProtect, s_heap, s_btree;
        private static long? s_file, s_pline, s_plugin, s_dataspace, s_notFound, s_notHdf5, s_truncated, s_exists, s_fileExists,
            s_cantOpenFile, s_cantConvert, s_badRange, s_cantLoad, s_noFilter, s_badId, s_seekError, s_readError, s_cantDecode, s_badFile, s_writeError, s_cantFilter;
    }
}

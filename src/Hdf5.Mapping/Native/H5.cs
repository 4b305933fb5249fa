using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to the library-wide functions of <c>H5public.h</c>.</summary>
public static unsafe partial class H5
{
    /// <summary><c>H5open</c>: initializes the library (idempotent).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5open")]
    public static partial int Open();

    /// <summary><c>H5close</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5close")]
    public static partial int Close();

    /// <summary><c>H5get_libversion</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5get_libversion")]
    public static partial int GetLibversion(out uint majnum, out uint minnum, out uint relnum);

    /// <summary><c>H5is_library_threadsafe</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5is_library_threadsafe")]
    public static partial int IsLibraryThreadsafe([MarshalAs(UnmanagedType.U1)] out bool isTs);

    /// <summary><c>H5free_memory</c>: frees memory that libhdf5 allocated (names, vlen buffers).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5free_memory")]
    public static partial int FreeMemory(void* mem);

    /// <summary><c>H5garbage_collect</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5garbage_collect")]
    public static partial int GarbageCollect();
}

public static partial class H5
{
    /// <summary><c>H5_index_t</c></summary>
    public enum Index
    {
        /// <summary>H5_INDEX_UNKNOWN</summary>
        Unknown = -1,
        /// <summary>H5_INDEX_NAME</summary>
        Name = 0,
        /// <summary>H5_INDEX_CRT_ORDER</summary>
        CrtOrder = 1,
    }

    /// <summary><c>H5_iter_order_t</c></summary>
    public enum IterOrder
    {
        /// <summary>H5_ITER_UNKNOWN</summary>
        Unknown = -1,
        /// <summary>H5_ITER_INC</summary>
        Inc = 0,
        /// <summary>H5_ITER_DEC</summary>
        Dec = 1,
        /// <summary>H5_ITER_NATIVE</summary>
        Native = 2,
    }
}

using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Epublic.h</c> (error stacks).</summary>
public static unsafe partial class H5E
{
    /// <summary><c>H5E_DEFAULT</c>: the calling thread's current error stack.</summary>
    public const long Default = 0;

    /// <summary><c>H5E_WALK_UPWARD</c>: from the innermost function outwards.</summary>
    public const int WalkUpward = 0;

    /// <summary><c>H5E_WALK_DOWNWARD</c>: from the API function inwards.</summary>
    public const int WalkDownward = 1;

    /// <summary><c>H5E_error2_t</c>: one record of an error stack.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Error2
    {
        /// <summary>Error class id.</summary>
        public long ClsId;
        /// <summary>Major error id (compare with the <c>H5E_*_g</c> globals).</summary>
        public long MajNum;
        /// <summary>Minor error id.</summary>
        public long MinNum;
        /// <summary>Source line in libhdf5.</summary>
        public uint Line;
        /// <summary>Function name (C string).</summary>
        public byte* FuncName;
        /// <summary>Source file name (C string).</summary>
        public byte* FileName;
        /// <summary>Description (C string).</summary>
        public byte* Desc;
    }

    /// <summary><c>H5Eset_auto2</c>; pass null function and data to switch automatic printing off.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Eset_auto2")]
    public static partial int SetAuto2(long estackId, void* func, void* clientData);

    /// <summary><c>H5Ewalk2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Ewalk2")]
    public static partial int Walk2(long estackId, int direction, delegate* unmanaged<uint, Error2*, void*, int> func, void* clientData);

    /// <summary><c>H5Eclear2</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Eclear2")]
    public static partial int Clear2(long estackId);

    /// <summary><c>H5Eget_msg</c>: the text of a major or minor error id.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Eget_msg")]
    public static partial nint GetMsg(long msgId, int* type, byte* msg, nuint size);

    /// <summary><c>H5Eget_num</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Eget_num")]
    public static partial nint GetNum(long estackId);
}

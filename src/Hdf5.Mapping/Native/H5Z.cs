using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5Zpublic.h</c> (filters).</summary>
public static unsafe partial class H5Z
{
    /// <summary><c>H5Z_FILTER_DEFLATE</c></summary>
    public const int FilterDeflate = 1;
    /// <summary><c>H5Z_FILTER_SHUFFLE</c></summary>
    public const int FilterShuffle = 2;
    /// <summary><c>H5Z_FILTER_FLETCHER32</c></summary>
    public const int FilterFletcher32 = 3;
    /// <summary><c>H5Z_FILTER_SZIP</c></summary>
    public const int FilterSzip = 4;
    /// <summary><c>H5Z_FILTER_NBIT</c></summary>
    public const int FilterNbit = 5;
    /// <summary><c>H5Z_FILTER_SCALEOFFSET</c></summary>
    public const int FilterScaleoffset = 6;

    /// <summary><c>H5Z_FLAG_MANDATORY</c></summary>
    public const uint FlagMandatory = 0x0000;
    /// <summary><c>H5Z_FLAG_OPTIONAL</c></summary>
    public const uint FlagOptional = 0x0001;
    /// <summary><c>H5Z_FLAG_REVERSE</c>: set when the filter is called to decode.</summary>
    public const uint FlagReverse = 0x0100;

    /// <summary><c>H5Z_FILTER_CONFIG_ENCODE_ENABLED</c></summary>
    public const uint FilterConfigEncodeEnabled = 0x0001;
    /// <summary><c>H5Z_FILTER_CONFIG_DECODE_ENABLED</c></summary>
    public const uint FilterConfigDecodeEnabled = 0x0002;

    /// <summary><c>H5Z_CLASS_T_VERS</c></summary>
    public const int ClassTVers = 1;

    /// <summary><c>H5Z_class2_t</c>: what <c>H5Zregister</c> takes to add a filter.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Class2
    {
        /// <summary>version (H5Z_CLASS_T_VERS)</summary>
        public int Version;
        /// <summary>id</summary>
        public int Id;
        /// <summary>encoder_present</summary>
        public uint EncoderPresent;
        /// <summary>decoder_present</summary>
        public uint DecoderPresent;
        /// <summary>name</summary>
        public byte* Name;
        /// <summary>can_apply (may be null)</summary>
        public void* CanApply;
        /// <summary>set_local (may be null)</summary>
        public void* SetLocal;
        /// <summary>filter: size_t (*)(unsigned flags, size_t cd_nelmts, const unsigned cd_values[], size_t nbytes, size_t *buf_size, void **buf)</summary>
        public delegate* unmanaged<uint, nuint, uint*, nuint, nuint*, void**, nuint> Filter;
    }

    /// <summary><c>H5Zregister</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Zregister")]
    public static partial int Register(Class2* cls);

    /// <summary><c>H5Zunregister</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Zunregister")]
    public static partial int Unregister(int id);

    /// <summary><c>H5Zfilter_avail</c>: also loads a plugin when one is found on the plugin path.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Zfilter_avail")]
    public static partial int FilterAvail(int id);

    /// <summary><c>H5Zget_filter_info</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Zget_filter_info")]
    public static partial int GetFilterInfo(int filter, out uint filterConfigFlags);

    /// <summary><c>H5allocate_memory</c>: buffers handed to libhdf5 by a filter must come from its allocator.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5allocate_memory")]
    public static partial void* AllocateMemory(nuint size, [MarshalAs(UnmanagedType.U1)] bool clear);
}

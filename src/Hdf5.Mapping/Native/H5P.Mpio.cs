using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5FDmpio.h</c> and the MPI parts of <c>H5Ppublic.h</c>: present only in a parallel libhdf5
/// (each binds when first called, so a serial library is never asked for them). <c>MPI_Comm</c> and <c>MPI_Info</c>
/// are passed by value as pointer-sized handles (Open MPI's object addresses).</summary>
public static unsafe partial class H5P
{
    /// <summary><c>H5FD_mpio_xfer_t</c></summary>
    public enum MpioXfer
    {
        /// <summary>H5FD_MPIO_INDEPENDENT</summary>
        Independent = 0,
        /// <summary>H5FD_MPIO_COLLECTIVE</summary>
        Collective = 1,
    }

    /// <summary><c>H5D_mpio_actual_io_mode_t</c>: how the last transfer with a list was carried out.</summary>
    public enum MpioActualIoMode
    {
        /// <summary>H5D_MPIO_NO_COLLECTIVE</summary>
        NoCollective = 0,
        /// <summary>H5D_MPIO_CHUNK_INDEPENDENT</summary>
        ChunkIndependent = 1,
        /// <summary>H5D_MPIO_CHUNK_COLLECTIVE</summary>
        ChunkCollective = 2,
        /// <summary>H5D_MPIO_CHUNK_MIXED</summary>
        ChunkMixed = 3,
        /// <summary>H5D_MPIO_CONTIGUOUS_COLLECTIVE</summary>
        ContiguousCollective = 4,
    }

    /// <summary><c>H5Pset_fapl_mpio</c>: the MPI-IO driver with a communicator and hints (libhdf5 duplicates both).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_fapl_mpio")]
    public static partial int SetFaplMpio(H5Id faplId, nint comm, nint info);

    /// <summary><c>H5Pget_fapl_mpio</c>: duplicates of the communicator and hints, which the caller frees.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_fapl_mpio")]
    public static partial int GetFaplMpio(H5Id faplId, out nint comm, out nint info);

    /// <summary><c>H5Pset_dxpl_mpio</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_dxpl_mpio")]
    public static partial int SetDxplMpio(H5Id dxplId, MpioXfer xferMode);

    /// <summary><c>H5Pget_dxpl_mpio</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_dxpl_mpio")]
    public static partial int GetDxplMpio(H5Id dxplId, out MpioXfer xferMode);

    /// <summary><c>H5Pset_all_coll_metadata_ops</c>: metadata reads made collectively by every rank.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_all_coll_metadata_ops")]
    public static partial int SetAllCollMetadataOps(H5Id plistId, [MarshalAs(UnmanagedType.U1)] bool isCollective);

    /// <summary><c>H5Pget_all_coll_metadata_ops</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_all_coll_metadata_ops")]
    public static partial int GetAllCollMetadataOps(H5Id plistId, [MarshalAs(UnmanagedType.U1)] out bool isCollective);

    /// <summary><c>H5Pset_coll_metadata_write</c>: metadata written with collective MPI-IO.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pset_coll_metadata_write")]
    public static partial int SetCollMetadataWrite(H5Id faplId, [MarshalAs(UnmanagedType.U1)] bool isCollective);

    /// <summary><c>H5Pget_coll_metadata_write</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_coll_metadata_write")]
    public static partial int GetCollMetadataWrite(H5Id faplId, [MarshalAs(UnmanagedType.U1)] out bool isCollective);

    /// <summary><c>H5Pget_mpio_actual_io_mode</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_mpio_actual_io_mode")]
    public static partial int GetMpioActualIoMode(H5Id dxplId, out MpioActualIoMode actualIoMode);

    /// <summary><c>H5Pget_mpio_no_collective_cause</c>: why a collective request was (partly) carried out independently
    /// (<c>H5D_mpio_no_collective_cause_t</c> bits, on this rank and on any rank).</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5Pget_mpio_no_collective_cause")]
    public static partial int GetMpioNoCollectiveCause(H5Id plistId, out uint localNoCollectiveCause, out uint globalNoCollectiveCause);
}

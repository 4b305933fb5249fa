namespace Hdf5.Mapping.Native;

/// <summary>
/// Logical names of the native libraries. <see cref="LowLevel.H5LibraryResolver"/> maps them to the file of
/// the platform (for example <c>libhdf5_serial.so.103</c> or <c>libzstd.so.1</c> on Debian).
/// </summary>
public static class Libraries
{
    /// <summary>The core HDF5 C library (libhdf5).</summary>
    public const string Hdf5 = "hdf5";

    /// <summary>The HDF5 high-level library (libhdf5_hl), used for the H5DS dimension-scale API.</summary>
    public const string Hdf5HighLevel = "hdf5_hl";

    /// <summary>The MPI library a parallel libhdf5 is linked with (Open MPI's libmpi), for the few MPI calls of
    /// <see cref="Mpi.H5Communicator"/>; resolved to the very library libhdf5 loaded.</summary>
    public const string Mpi = "mpi";
    /// <summary>The Zstandard library (libzstd), optional: the Zstd filter uses it when it loads.</summary>
    public const string Zstd = "zstd";
}

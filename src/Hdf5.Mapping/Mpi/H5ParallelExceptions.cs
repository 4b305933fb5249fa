using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Mpi;

/// <summary>An MPI feature was used, but the loaded libhdf5 is serial (or its MPI is not one this library binds).</summary>
public sealed class H5ParallelUnavailableException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="feature"/> (or with that exact message when
    /// <paramref name="unavailable"/> is false).</summary>
    public H5ParallelUnavailableException(string feature, bool unavailable = true)
        : base(unavailable ? Describe(feature) : feature) { }

    private static string Describe(string feature) =>
        $"{feature} needs a parallel (MPI) libhdf5, but the loaded one is serial ({H5LibraryResolver.CorePath ?? "not loaded"}). " +
        $"{H5ParallelLibraryChoice.InstallHint} Then select it at start-up with H5Library.UseParallel() (before any other HDF5 call), " +
        $"or set {H5LibraryResolver.LibraryVariable} to it (Debian: /usr/lib/x86_64-linux-gnu/libhdf5_openmpi.so.103), and run under mpirun.";
}

/// <summary>An MPI call failed, or a collective operation could not be carried out by every rank.</summary>
public sealed class H5ParallelException : H5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5ParallelException(string message, H5ErrorStack? stack = null, Exception? inner = null) : base(message, stack, inner) { }
}

/// <summary>A write libhdf5 cannot make over MPI-IO: data kept in the file's global heap (variable-length strings and
/// sequences, region references) written to a dataset of a file opened with a communicator. Raised on every rank before
/// libhdf5 is called, so the file is unchanged and no rank is left waiting.</summary>
public sealed class H5ParallelWriteUnsupportedException : NotSupportedException
{
    /// <summary>Creates the exception.</summary>
    public H5ParallelWriteUnsupportedException(string message) : base(message) { }
}

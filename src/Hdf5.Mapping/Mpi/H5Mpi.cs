using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Mpi.Native;

namespace Hdf5.Mapping.Mpi;

/// <summary>
/// Starts and stops MPI for a program that writes HDF5 files in parallel (mpi4py does this on import). Call
/// <see cref="H5Library.UseParallel"/> (or set <c>HDF5_MAPPING_LIBHDF5</c> to a parallel build), then
/// <c>using var mpi = H5Mpi.Initialize();</c> before the first HDF5 call, and run the program with
/// <c>mpirun -np N</c>. A program that starts MPI itself (other bindings) skips this; files then take
/// <see cref="H5Communicator.FromHandle"/> or <see cref="H5Communicator.World"/>.
/// </summary>
public static class H5Mpi
{
    private static readonly object s_lock = new();

    /// <summary>Whether MPI is running in this process (<c>MPI_Initialized</c> and not <c>MPI_Finalized</c>); false
    /// when the loaded libhdf5 is serial.</summary>
    public static bool IsRunning
    {
        get
        {
            if (!H5Library.IsParallel) return false;
            MPI.Initialized(out var initialized);
            MPI.Finalized(out var finalized);
            return initialized != 0 && finalized == 0;
        }
    }

    /// <summary>
    /// Starts MPI (<c>MPI_Init_thread</c> with <c>MPI_THREAD_SERIALIZED</c>: this library makes MPI and libhdf5 calls
    /// one at a time) unless it already runs. Disposing the returned session closes every HDF5 object still open
    /// (<c>H5close</c>, collective for parallel files) and calls <c>MPI_Finalize</c> — if this call started MPI.
    /// </summary>
    /// <exception cref="H5ParallelUnavailableException">The loaded libhdf5 is serial.</exception>
    public static H5MpiSession Initialize()
    {
        if (!H5Library.IsParallel) throw new H5ParallelUnavailableException("H5Mpi.Initialize");
        lock (s_lock)
        {
            MpiLibrary.Check(MPI.Initialized(out var initialized), "MPI_Initialized");
            if (initialized != 0) return new H5MpiSession(ownsMpi: false);
            unsafe
            {
                // Before libhdf5 starts: a parallel libhdf5 initialized after MPI_Init shuts itself down inside
                // MPI_Finalize, so no HDF5 call can come after it.
                MpiLibrary.Check(MPI.InitThread(null, null, MPI.ThreadSerialized, out _), "MPI_Init_thread");
            }
            return new H5MpiSession(ownsMpi: true);
        }
    }

    /// <summary>Throws unless MPI runs over a parallel libhdf5: what every MPI feature needs.</summary>
    internal static void RequireRunning(string feature)
    {
        if (!H5Library.IsParallel) throw new H5ParallelUnavailableException(feature);
        if (!IsRunning)
            throw new InvalidOperationException($"{feature} needs MPI to be running: call H5Mpi.Initialize() at the start of the program " +
                "(or MPI_Init through other bindings) and start it with mpirun.");
    }
}

/// <summary>MPI as started by <see cref="H5Mpi.Initialize"/>; dispose it at the end of the program.</summary>
public sealed class H5MpiSession : IDisposable
{
    private bool _disposed;

    internal H5MpiSession(bool ownsMpi) => OwnsMpi = ownsMpi;

    /// <summary>Whether this session started MPI (and so finalizes it).</summary>
    public bool OwnsMpi { get; }

    /// <summary><see cref="H5Communicator.World"/>.</summary>
    public H5Communicator World => H5Communicator.World;

    /// <summary>Closes every HDF5 object (<c>H5close</c>) and finalizes MPI, if this session started it.</summary>
    public void Dispose()
    {
        if (_disposed || !OwnsMpi) return;
        _disposed = true;
        // Every rank reaches this point in the same state, so closing the files that are still open is collective on all.
        H5Library.ShutDown();
        MPI.Finalize();
    }
}

using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Mpi;

namespace Hdf5.Mapping;

// Files opened by every rank of an MPI communicator through libhdf5's MPI-IO driver (parallel HDF5).
public sealed partial class H5File
{
    private H5ParallelFile? _parallel;

    /// <summary>Opens a file from every rank of <paramref name="communicator"/> (collective; h5py:
    /// <c>h5py.File(path, mode, driver="mpio", comm=comm)</c>). Needs a parallel libhdf5 and MPI running.</summary>
    /// <exception cref="H5ParallelUnavailableException">The loaded libhdf5 is serial.</exception>
    public static H5File Open(string path, H5Communicator communicator, H5FileMode mode = H5FileMode.ReadOnly, H5FileOptions? options = null) =>
        Open(path, mode, WithCommunicator(options, communicator));

    /// <summary>Creates a file from every rank of <paramref name="communicator"/> (collective; h5py mode <c>"w"</c>, or
    /// <c>"w-"</c> when <paramref name="overwrite"/> is false).</summary>
    public static H5File Create(string path, H5Communicator communicator, bool overwrite = true, H5FileOptions? options = null) =>
        Open(path, overwrite ? H5FileMode.Create : H5FileMode.CreateExclusive, WithCommunicator(options, communicator));

    /// <summary>The communicator the file was opened with; null for a file opened by this process alone.</summary>
    public H5Communicator? Communicator => _parallel?.Options.Communicator;

    /// <summary>Whether the file was opened with MPI-IO by the ranks of <see cref="Communicator"/>.</summary>
    public bool IsParallel => _parallel is not null;

    /// <summary>The MPI-IO hints the file was opened with, as libhdf5 holds them (<c>H5Pget_fapl_mpio</c>).</summary>
    /// <exception cref="InvalidOperationException">The file is not parallel.</exception>
    public IReadOnlyDictionary<string, string> MpiHints
    {
        get
        {
            RequireParallel("MpiHints");
            using var scope = H5Library.Enter();
            return H5ParallelAccess.ReadHints(Id);
        }
    }

    internal H5ParallelFile? ParallelState => _parallel;

    internal void RequireParallel(string feature)
    {
        if (_parallel is null)
            throw new InvalidOperationException($"{feature} applies to files opened with an MPI communicator; '{_path}' was opened by this process alone.");
    }

    private static H5FileOptions WithCommunicator(H5FileOptions? options, H5Communicator communicator)
    {
        ArgumentNullException.ThrowIfNull(communicator);
        options ??= new H5FileOptions();
        var copy = options.WithLibver(options.LibverLow); // a copy: the caller's options stay as they were
        copy.Parallel = (options.Parallel ?? new H5ParallelOptions(communicator)).CloneFor(communicator);
        return copy;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing); // closes the file first (collectively, on every rank), then the transfer list
        if (disposing) _parallel?.Dispose();
    }
}

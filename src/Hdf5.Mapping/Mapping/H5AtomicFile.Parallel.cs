using Hdf5.Mapping.Mpi;

namespace Hdf5.Mapping;

// The atomic write of a file by every rank of a communicator: one temporary name (rank 0's, broadcast), the file
// created and written collectively, then finished (what only one process may write) and renamed by rank 0, only if
// every rank finished its part.
public static partial class H5AtomicFile
{
    /// <summary>Creates a new HDF5 file at a temporary path from every rank of <paramref name="communicator"/>
    /// (collective), calls <paramref name="write"/> on each, closes it and, once every rank has succeeded, renames it over
    /// <paramref name="path"/>. When <paramref name="options"/> has no <see cref="H5FileOptions.Parallel"/>, datasets are
    /// written with collective transfers.</summary>
    /// <exception cref="H5ParallelException">Another rank failed (this rank's part was fine); the target is left as it was.</exception>
    public static void Write(string path, H5Communicator communicator, Action<H5File> write, H5FileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(communicator);
        ArgumentNullException.ThrowIfNull(write);
        var full = System.IO.Path.GetFullPath(path);
        if (communicator.Rank == 0) H5TemporaryFiles.DeleteLeftovers(full);
        var temp = communicator.Broadcast(H5TemporaryFiles.PathFor(full)); // rank 0's: its process id is in the name
        var parallel = options?.Parallel ?? new H5ParallelOptions(communicator) { Transfer = H5Transfer.Collective };
        Exception? failure = null;
        List<Action<H5File>> afterClose = [];
        try
        {
            using var file = H5File.Create(temp, communicator, overwrite: false, (options ?? new H5FileOptions()).WithParallel(parallel));
            afterClose = file.ParallelState!.AfterClose;
            write(file);
        }
        catch (Exception e)
        {
            failure = e;
        }
        // Every rank learns whether all succeeded: the file is kept only if so.
        var failed = communicator.AllGather(failure is null ? 0 : 1);
        if (failure is null && failed.All(f => f == 0))
        {
            Exception? finishFailure = null;
            if (communicator.Rank == 0)
            {
                try
                {
                    FinishAlone(temp, afterClose);
                    File.Move(temp, full, overwrite: true);
                }
                catch (Exception e)
                {
                    finishFailure = e;
                }
            }
            if (communicator.Broadcast(finishFailure?.Message) is { Length: > 0 } why)
            {
                if (communicator.Rank == 0) TryDelete(temp);
                if (finishFailure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(finishFailure);
                throw new H5ParallelException($"Unable to write '{full}': rank 0 could not finish the written file: {why}");
            }
            return;
        }
        if (communicator.Rank == 0) TryDelete(temp);
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        var ranks = string.Join(", ", Enumerable.Range(0, failed.Length).Where(r => failed[r] != 0));
        throw new H5ParallelException($"Unable to write '{full}': rank(s) {ranks} failed (their exceptions say why); '{full}' is left as it was.");
    }

    // The writes libhdf5 makes from one process only, on the closed file.
    private static void FinishAlone(string temp, List<Action<H5File>> writes)
    {
        if (writes.Count == 0) return;
        using var file = H5File.Open(temp, H5FileMode.ReadWrite);
        foreach (var write in writes) write(file);
    }

    private static void TryDelete(string temp)
    {
        try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

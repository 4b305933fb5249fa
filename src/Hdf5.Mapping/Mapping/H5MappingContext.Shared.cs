using Hdf5.Mapping.Mpi;

namespace Hdf5.Mapping;

// Members that are not partitioned hold the same values on every rank. In a file opened by the ranks of a communicator
// every rank still creates their datasets (metadata is collective) and makes each write call, but rank 0 alone carries
// the values: the others take part with an empty selection, so the bytes are written once rather than once per rank.
// Data that libhdf5 keeps in the global heap (variable-length strings and sequences, region references) is not written
// over MPI-IO at all: rank 0 writes it once every rank has closed the file.
public sealed partial class H5MappingContext
{
    private const int SharedDataRank = 0;

    // While open, the datasets of the group's file that set no WritingRank of their own are written by rank 0 alone.
    private static SharedData WrittenOnce(H5Group group) => new(group.File.ParallelState);

    private readonly ref struct SharedData
    {
        private readonly H5ParallelFile? _parallel;
        private readonly int? _before;

        public SharedData(H5ParallelFile? parallel)
        {
            _parallel = parallel;
            if (parallel is null) return;
            _before = parallel.SharedDataWriter;
            parallel.SharedDataWriter = SharedDataRank;
        }

        public void Dispose()
        {
            if (_parallel is not null) _parallel.SharedDataWriter = _before;
        }
    }

    // Writes the values into a dataset just created at `at` — once (rank 0) in a parallel file, after the file is closed
    // when they are global-heap data — and returns it, open; a failed write removes the dataset.
    private static H5Dataset WriteCreated(H5Group group, string at, H5Dataset created, Action<H5Dataset> write)
    {
        try
        {
            if (DeferredToRankZero(created, write)) return created;
            using var shared = WrittenOnce(group);
            write(created);
            return created;
        }
        catch
        {
            created.Dispose();
            group.Remove(at);
            throw;
        }
    }

    // In a parallel file, whether the dataset's values wait for rank 0 after the file is closed (see above); if so they are queued.
    private static bool DeferredToRankZero(H5Dataset created, Action<H5Dataset> write)
    {
        if (created.File.ParallelState is not { } parallel || !created.StoresGlobalHeapData) return false;
        var target = created.Name;
        parallel.AfterClose.Add(file =>
        {
            using var dataset = file.OpenDataset(target);
            write(dataset);
        });
        return true;
    }
}

using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;
using Hdf5.Mapping.Mpi.Native;

namespace Hdf5.Mapping.Mpi;

/// <summary>The MPI-IO parts of opening a file: the access list (<c>H5Pset_fapl_mpio</c> with the hints, collective
/// metadata), the checks that keep ranks in step, and reading the hints back.</summary>
internal static class H5ParallelAccess
{
    public static void Apply(PropertyListId fapl, H5ParallelOptions parallel, H5FileOptions options)
    {
        H5Mpi.RequireRunning("Opening a file with an MPI communicator (H5FileOptions.Parallel)");
        // libhdf5 1.10 has no page buffer, no SWMR and no core driver over MPI-IO: say so before the ranks part ways.
        if (options.InMemory) throw new ArgumentException("A parallel file cannot be kept in memory (InMemory): MPI-IO writes to a file.", nameof(options));
        if (options.Swmr) throw new ArgumentException("SWMR needs one writing process; a parallel file is written by many (leave Swmr unset).", nameof(options));
        if (options.PageBufferSize > 0) throw new ArgumentException("libhdf5 has no page buffer for parallel files (leave PageBufferSize at 0).", nameof(options));
        var info = CreateInfo(parallel.Hints);
        try
        {
            H5Call.Check(H5P.SetFaplMpio(fapl, parallel.Communicator.Handle, info), "selecting the MPI-IO driver");
        }
        finally
        {
            if (info != MpiLibrary.InfoNull) MPI.InfoFree(ref info); // libhdf5 keeps its own duplicate
        }
        if (parallel.CollectiveMetadataReads) H5Call.Check(H5P.SetAllCollMetadataOps(fapl, true), "setting collective metadata reads");
        if (parallel.CollectiveMetadataWrites) H5Call.Check(H5P.SetCollMetadataWrite(fapl, true), "setting collective metadata writes");
    }

    private static nint CreateInfo(IDictionary<string, string> hints)
    {
        if (hints.Count == 0) return MpiLibrary.InfoNull;
        MpiLibrary.Check(MPI.InfoCreate(out var info), "MPI_Info_create");
        foreach (var (key, value) in hints)
        {
            if (key.Length == 0 || key.Length > MPI.MaxInfoKey || value.Length > MPI.MaxInfoVal)
            {
                MPI.InfoFree(ref info);
                throw new ArgumentException($"MPI-IO hint '{key}' = '{value}': keys have 1 to {MPI.MaxInfoKey} characters, values at most {MPI.MaxInfoVal}.");
            }
            MpiLibrary.Check(MPI.InfoSet(info, key, value), $"MPI_Info_set({key})");
        }
        return info;
    }

    /// <summary>Rank 0's answer to "does the file exist" on every rank: one rank may create the file before another
    /// looks, and ranks that disagree would open it in different modes and wait on each other forever.</summary>
    public static bool AgreeExists(H5ParallelOptions parallel, string path)
    {
        H5Mpi.RequireRunning("Opening a file with an MPI communicator");
        var comm = parallel.Communicator;
        var local = comm.Rank == 0 && System.IO.File.Exists(path) ? 1L : 0L;
        return comm.Max(local) == 1;
    }

    /// <summary>The MPI-IO hints the file was opened with (<c>H5Pget_fapl_mpio</c> on its access list).</summary>
    public static unsafe IReadOnlyDictionary<string, string> ReadHints(FileId file)
    {
        using var fapl = new PropertyListId(H5Call.Check(H5F.GetAccessPlist(file), "reading the access list"));
        H5Call.Check(H5P.GetFaplMpio(fapl, out var comm, out var info), "reading the MPI-IO settings");
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (info == 0 || info == MpiLibrary.InfoNull) return hints;
            MpiLibrary.Check(MPI.InfoGetNkeys(info, out var n), "MPI_Info_get_nkeys");
            var key = stackalloc byte[MPI.MaxInfoKey + 1];
            var value = stackalloc byte[MPI.MaxInfoVal + 1];
            for (int i = 0; i < n; i++)
            {
                MpiLibrary.Check(MPI.InfoGetNthkey(info, i, key), "MPI_Info_get_nthkey");
                var name = H5Call.FromCString(key);
                MpiLibrary.Check(MPI.InfoGet(info, name, MPI.MaxInfoVal, value, out var found), "MPI_Info_get");
                if (found != 0) hints[name] = H5Call.FromCString(value);
            }
            return hints;
        }
        finally
        {
            if (info != 0 && info != MpiLibrary.InfoNull) MPI.InfoFree(ref info);
            if (comm != 0 && comm != MpiLibrary.CommNull) MPI.CommFree(ref comm);
        }
    }
}

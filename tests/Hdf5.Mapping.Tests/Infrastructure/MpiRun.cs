using System.Text.Json;

namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>
/// Runs programs on several MPI ranks with Open MPI's mpirun, bounded by a timeout (a rank left waiting for another
/// is a hang: the run is killed and the test fails saying so). The ranks load the parallel libhdf5 themselves
/// (H5Library.UseParallel), whatever library this test process runs on, and find Debian's MPI plugins plus the ZFP
/// plugin that tests/setup/build-zfp-plugin-mpi.sh builds for the parallel libhdf5.
/// </summary>
public static class MpiRun
{
    /// <summary>How long one run may take (generous: the machine may be loaded, and each rank starts a runtime).</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(150);

    /// <summary>Runs a .NET program built beside the tests on <paramref name="ranks"/> ranks.</summary>
    public static string DotNet(int ranks, string assembly, params string[] args) =>
        Run(ranks, ["dotnet", "exec", Path.Combine(AppContext.BaseDirectory, assembly), .. args]);

    /// <summary>Runs a Python script with h5py-mpi and mpi4py (Debian's h5py picks its MPI build under mpirun).</summary>
    public static string Python(int ranks, string script, params string[] args)
    {
        if (!File.Exists("/usr/lib/python3/dist-packages/mpi4py/__init__.py"))
            throw new InvalidOperationException("mpi4py is missing: apt-get install python3-mpi4py python3-h5py-mpi (tests/setup/install-deps.sh installs them).");
        return Run(ranks, [Peers.Python, "-c", "import sys, numpy, h5py\nfrom mpi4py import MPI\n" + script, .. args]);
    }

    /// <summary>The folders parallel programs take plugins from: Debian's for the MPI libhdf5 and the ZFP plugin built for it.</summary>
    public static string PluginPath
    {
        get
        {
            var cache = Environment.GetEnvironmentVariable("HDF5_MAPPING_CACHE") is { Length: > 0 } c ? c : "/var/cache/hdf5-mapping";
            var zfp = Path.Combine(cache, "h5z-zfp-openmpi", "plugin");
            if (!File.Exists(Path.Combine(zfp, "libh5zzfp.so")))
                throw new InvalidOperationException($"The ZFP plugin for the parallel libhdf5 is missing from {zfp}: run bash tests/setup/build-zfp-plugin-mpi.sh " +
                    "(tests/setup/install-deps.sh runs it).");
            return $"/usr/lib/x86_64-linux-gnu/hdf5/openmpi/plugins:{zfp}";
        }
    }

    /// <summary>Reads what each rank of a <c>Hdf5.Mapping.MpiRanks</c> scenario wrote, in rank order.</summary>
    public static JsonElement[] Results(string folder, string scenario, int ranks) =>
        Enumerable.Range(0, ranks).Select(r =>
        {
            var file = Path.Combine(folder, $"{scenario}.rank{r}.json");
            if (!File.Exists(file)) throw new InvalidOperationException($"Rank {r} wrote no results ({file}).");
            return JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
        }).ToArray();

    private static string Run(int ranks, string[] command)
    {
        var mpirun = "/usr/bin/mpirun";
        if (!File.Exists(mpirun)) throw new InvalidOperationException("mpirun is missing: apt-get install openmpi-bin libhdf5-openmpi-dev.");
        var env = new Dictionary<string, string>
        {
            // Open MPI refuses root without these (the CI runs as root); oversubscribe: more ranks than cores.
            ["OMPI_ALLOW_RUN_AS_ROOT"] = "1",
            ["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1",
            ["OMPI_MCA_rmaps_base_oversubscribe"] = "1",
            ["HDF5_PLUGIN_PATH"] = PluginPath,
        };
        int code;
        string stdout, stderr;
        try
        {
            (code, stdout, stderr) = Peers.Run(mpirun, ["-np", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), .. command], env, Patience);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"mpirun -np {ranks} {string.Join(' ', command.Take(3))} did not end within {Patience}: a rank is waiting for another (a hang). It was killed.", e);
        }
        if (code != 0) throw new InvalidOperationException($"mpirun -np {ranks} {string.Join(' ', command.Take(3))} exited {code}:\n{stderr}\n{stdout}");
        return stdout;
    }
}

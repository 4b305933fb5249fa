using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>The filter-plugin search path (<c>H5PL</c>).</summary>
public static class H5Plugins
{
    /// <summary>Where Debian's hdf5-filter-plugin packages put their plugins for the loaded libhdf5: the serial folders,
    /// or for a parallel build its MPI flavour's (<c>hdf5/openmpi/plugins</c>). A plugin links the libhdf5 it was built
    /// for, so a serial plugin must never be loaded into a parallel libhdf5 (its callbacks would call the other library).</summary>
    public static IReadOnlyList<string> DefaultFolders => FoldersFor(H5Library.IsParallel ? ParallelFlavour() : "serial");

    private static string[] FoldersFor(string flavour) =>
    [
        $"/usr/lib/x86_64-linux-gnu/hdf5/{flavour}/plugins",
        $"/usr/lib/aarch64-linux-gnu/hdf5/{flavour}/plugins",
        .. flavour == "serial" ? new[] { "/usr/local/hdf5/lib/plugin" } : [],
    ];

    private static string ParallelFlavour() =>
        (H5LibraryResolver.CorePath ?? "").Contains("mpich", StringComparison.Ordinal) ? "mpich" : "openmpi";

    /// <summary>Adds the distribution plugin folders to the search path unless the user set
    /// <c>HDF5_PLUGIN_PATH</c> (which libhdf5 then uses alone, as documented).</summary>
    internal static void AddDefaultSearchPaths()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("HDF5_PLUGIN_PATH"))) return;
        var present = ReadSearchPaths(); // inside set-up: no Enter()
        foreach (var folder in DefaultFolders)
            if (Directory.Exists(folder) && !present.Contains(folder)) H5PL.Append(folder);
    }

    /// <summary>The folders libhdf5 searches for filter plugins, in order.</summary>
    public static IReadOnlyList<string> SearchPaths
    {
        get
        {
            using var scope = H5Library.Enter();
            return ReadSearchPaths();
        }
    }

    private static unsafe List<string> ReadSearchPaths()
    {
        H5Call.Check(H5PL.Size(out var n));
        var paths = new List<string>((int)n);
        for (uint i = 0; i < n; i++)
            paths.Add(H5Call.ReadString((buf, size) => H5PL.Get(i, buf, size)));
        return paths;
    }
}

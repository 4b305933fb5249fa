using System.Runtime.InteropServices;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// Where a parallel (MPI) libhdf5 is looked for after <see cref="H5Library.UseParallel"/>: the paths given to that
/// call, else <c>HDF5_MAPPING_LIBHDF5_PARALLEL</c> / <c>HDF5_MAPPING_LIBHDF5_PARALLEL_HL</c>, else the file names of
/// the distributions' MPI builds (Debian/Ubuntu's <c>libhdf5_openmpi.so.103</c> and <c>libhdf5_mpich.so.103</c>,
/// Fedora's <c>/usr/lib64/openmpi/lib</c>, conda's MPI variant). A library found this way counts only if it exports
/// <c>H5Pset_fapl_mpio</c>; <c>HDF5_MAPPING_LIBHDF5</c> (the serial choice) is not consulted, so a program that asks for
/// the parallel library gets it whatever that variable says.
/// </summary>
internal sealed class H5ParallelLibraryChoice(string? corePath, string? highLevelPath)
{
    /// <summary>Environment variable naming a parallel libhdf5 for <see cref="H5Library.UseParallel"/>.</summary>
    public const string LibraryVariable = "HDF5_MAPPING_LIBHDF5_PARALLEL";

    /// <summary>Environment variable naming the libhdf5_hl of that build.</summary>
    public const string HighLevelLibraryVariable = "HDF5_MAPPING_LIBHDF5_PARALLEL_HL";

    /// <summary>The symbol only a parallel build exports.</summary>
    public const string ParallelSymbol = "H5Pset_fapl_mpio";

    /// <summary>What to install when no parallel build is found.</summary>
    public static string InstallHint =>
        OperatingSystem.IsLinux()
            ? "On Debian/Ubuntu: apt-get install libhdf5-openmpi-dev openmpi-bin (Fedora: dnf install hdf5-openmpi; conda: conda install \"hdf5=*=mpi_openmpi*\")."
            : "Install HDF5 built with MPI (--enable-parallel) and Open MPI.";

    /// <summary>Loads the first parallel libhdf5 found; <paramref name="highLevel"/> gets where its libhdf5_hl is.</summary>
    public (IntPtr Handle, string Path) Load(out string? highLevel)
    {
        var explicitPath = corePath ?? NonEmpty(Environment.GetEnvironmentVariable(LibraryVariable));
        if (explicitPath is not null)
        {
            var from = corePath is not null ? "H5Library.UseParallel" : LibraryVariable;
            if (!NativeLibrary.TryLoad(explicitPath, out var h))
                throw new DllNotFoundException($"{from} names '{explicitPath}', but that file could not be loaded as libhdf5.");
            if (!NativeLibrary.TryGetExport(h, ParallelSymbol, out _))
                throw new DllNotFoundException($"{from} names '{explicitPath}', which is a serial libhdf5 (it has no {ParallelSymbol}). {InstallHint}");
            highLevel = highLevelPath ?? NonEmpty(Environment.GetEnvironmentVariable(HighLevelLibraryVariable)) ?? HighLevelBeside(explicitPath);
            return (h, explicitPath);
        }

        var tried = new List<string>();
        foreach (var (core, hl) in Candidates())
        {
            tried.Add(core);
            if (!NativeLibrary.TryLoad(core, out var handle)) continue;
            if (!NativeLibrary.TryGetExport(handle, ParallelSymbol, out _)) continue; // a serial build under a generic name
            highLevel = hl;
            return (handle, core);
        }
        throw new DllNotFoundException(
            $"No parallel (MPI) libhdf5 was found. Tried: {string.Join(", ", tried)}. {InstallHint} " +
            $"Or set {LibraryVariable} to the full path of a libhdf5 built with MPI.");
    }

    /// <summary>Loads the libhdf5_hl that belongs to the parallel libhdf5.</summary>
    public IntPtr LoadHighLevel(string? path)
    {
        if (path is not null && NativeLibrary.TryLoad(path, out var handle)) return handle;
        throw new DllNotFoundException(
            $"The high-level library of the parallel libhdf5 ({path ?? "not known"}) could not be loaded: on Debian/Ubuntu it is in " +
            $"libhdf5-openmpi-hl-100 (installed with libhdf5-openmpi-dev); or set {HighLevelLibraryVariable}.");
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    // libhdf5.so.103 -> libhdf5_hl.so.100 in the same folder (the numbering every 1.10+ build uses).
    private static string HighLevelBeside(string core)
    {
        var folder = Path.GetDirectoryName(core) ?? "";
        var name = Path.GetFileName(core);
        var stem = name.Split(".so", 2)[0];
        return Path.Combine(folder, OperatingSystem.IsLinux() ? $"{stem}_hl.so.100" : name.Replace(stem, stem + "_hl", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Core, string HighLevel)> Candidates()
    {
        if (OperatingSystem.IsLinux())
        {
            foreach (var flavour in new[] { "openmpi", "mpich" })
            {
                // Debian/Ubuntu (libhdf5-openmpi-103-1, libhdf5-mpich-103-1).
                yield return ($"libhdf5_{flavour}.so.103", $"libhdf5_{flavour}_hl.so.100");
                foreach (var arch in new[] { "x86_64", "aarch64" })
                    yield return ($"/usr/lib/{arch}-linux-gnu/libhdf5_{flavour}.so.103", $"/usr/lib/{arch}-linux-gnu/libhdf5_{flavour}_hl.so.100");
                // Fedora and RHEL keep each MPI's build in its own folder.
                yield return ($"/usr/lib64/{flavour}/lib/libhdf5.so.103", $"/usr/lib64/{flavour}/lib/libhdf5_hl.so.100");
            }
            var conda = Environment.GetEnvironmentVariable("CONDA_PREFIX");
            if (!string.IsNullOrEmpty(conda)) yield return (Path.Combine(conda, "lib", "libhdf5.so"), Path.Combine(conda, "lib", "libhdf5_hl.so"));
            yield return ("libhdf5.so.103", "libhdf5_hl.so.100");
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return ("/opt/homebrew/lib/libhdf5.dylib", "/opt/homebrew/lib/libhdf5_hl.dylib"); // brew install hdf5-mpi
            yield return ("/usr/local/lib/libhdf5.dylib", "/usr/local/lib/libhdf5_hl.dylib");
        }
    }
}

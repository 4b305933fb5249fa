using System.Diagnostics;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>Compiles the C floor programs with gcc against the system libhdf5.</summary>
public static class NativeBuild
{
    public static string Compile(string source, string outputFolder)
    {
        var exe = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(source));
        var args = new List<string> { "-O2", "-o", exe, source };
        args.AddRange(PkgConfig());
        var psi = new ProcessStartInfo("gcc", args) { RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("gcc not found: apt-get install gcc");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"gcc failed (apt-get install libhdf5-dev gcc pkg-config):\n{err}");
        return exe;
    }

    /// <summary>Compiles an MPI program with mpicc against the parallel libhdf5 (<c>pkg-config hdf5-openmpi</c>) and libzstd.</summary>
    public static string CompileMpi(string source, string outputFolder)
    {
        var exe = Path.Combine(outputFolder, Path.GetFileNameWithoutExtension(source) + "-mpi");
        var flags = new ProcessStartInfo("pkg-config", ["--cflags", "--libs", "hdf5-openmpi"]) { RedirectStandardOutput = true };
        using var pc = Process.Start(flags) ?? throw new InvalidOperationException("pkg-config not found: apt-get install pkg-config");
        var hdf5 = pc.StandardOutput.ReadToEnd().Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        pc.WaitForExit();
        if (pc.ExitCode != 0) throw new InvalidOperationException("pkg-config knows no hdf5-openmpi: apt-get install libhdf5-openmpi-dev");
        var psi = new ProcessStartInfo("mpicc", ["-O2", "-o", exe, source, .. hdf5, "-lzstd"]) { RedirectStandardError = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("mpicc not found: apt-get install libopenmpi-dev");
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"mpicc failed (apt-get install libhdf5-openmpi-dev libzstd-dev):\n{err}");
        return exe;
    }

    // "hdf5-serial", never plain "hdf5": installing libhdf5-openmpi-dev points the hdf5.pc alternative at the
    // MPI build, and the serial floor must not link the parallel library.
    private static IEnumerable<string> PkgConfig()
    {
        try
        {
            var psi = new ProcessStartInfo("pkg-config", ["--cflags", "--libs", "hdf5-serial"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var flags = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode == 0) return flags.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        }
        catch (System.ComponentModel.Win32Exception) { }
        return ["-I/usr/include/hdf5/serial", "-L/usr/lib/x86_64-linux-gnu/hdf5/serial", "-lhdf5"];
    }
}

using System.Reflection;
using System.Runtime.InteropServices;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// Finds libhdf5 and libhdf5_hl for the <see cref="Libraries"/> names. Order: the environment variables
/// <c>HDF5_MAPPING_LIBHDF5</c> / <c>HDF5_MAPPING_LIBHDF5_HL</c> (a full path), then the usual file names of
/// Debian/Ubuntu (<c>libhdf5_serial.so.103</c>), other Linux layouts, macOS (Homebrew, conda) and Windows.
/// After <see cref="H5Library.UseParallel"/> it looks for a parallel (MPI) build instead.
/// </summary>
public static partial class H5LibraryResolver
{
    /// <summary>Environment variable naming the libhdf5 file to load.</summary>
    public const string LibraryVariable = "HDF5_MAPPING_LIBHDF5";

    /// <summary>Environment variable naming the libhdf5_hl file to load.</summary>
    public const string HighLevelLibraryVariable = "HDF5_MAPPING_LIBHDF5_HL";

    private static int s_registered;
    private static readonly object s_loadLock = new();
    private static H5ParallelLibraryChoice? s_parallelChoice;
    private static string? s_highLevelStem;

    /// <summary>The loaded libhdf5 (zero until the first call), for reading its global variables.</summary>
    internal static IntPtr CoreHandle { get; private set; }

    /// <summary>The file name or path libhdf5 was loaded from (null until it is loaded).</summary>
    internal static string? CorePath { get; private set; }

    /// <summary>Whether libhdf5 has been loaded into the process (it then cannot be exchanged for another).</summary>
    internal static bool IsCoreLoaded => CoreHandle != IntPtr.Zero;

    /// <summary>Makes the next load look for a parallel build (<see cref="H5Library.UseParallel"/>).</summary>
    internal static void ChooseParallel(H5ParallelLibraryChoice choice)
    {
        lock (s_loadLock) s_parallelChoice = choice;
    }

    /// <summary>Loads libhdf5 now if it is not loaded yet (without initializing it) and returns its handle.</summary>
    internal static IntPtr LoadCore()
    {
        lock (s_loadLock)
        {
            if (CoreHandle != IntPtr.Zero) return CoreHandle;
            var (handle, path) = s_parallelChoice is { } choice ? choice.Load(out s_highLevelStem) : LoadSerialOrOverride();
            CorePath = path;
            return CoreHandle = Promote(path, handle, promote: true);
        }
    }

    /// <summary>Whether the loaded libhdf5 exports <paramref name="symbol"/> (loading it first if needed).</summary>
    internal static bool Exports(string symbol) => NativeLibrary.TryGetExport(LoadCore(), symbol, out _);

    /// <summary>File names tried for libhdf5, most specific first.</summary>
    public static IReadOnlyList<string> CoreCandidates { get; } = Candidates("hdf5", "103");

    /// <summary>File names tried for libhdf5_hl.</summary>
    public static IReadOnlyList<string> HighLevelCandidates { get; } = Candidates("hdf5_hl", "100");

    /// <summary>File names tried for libzstd (optional: the Zstd filter falls back to managed code without it).</summary>
    public static IReadOnlyList<string> ZstdCandidates { get; } =
        OperatingSystem.IsLinux() ? ["libzstd.so.1", "libzstd.so"] :
        OperatingSystem.IsMacOS() ? ["libzstd.1.dylib", "libzstd.dylib", "/opt/homebrew/lib/libzstd.1.dylib", "/usr/local/lib/libzstd.1.dylib"] :
        OperatingSystem.IsWindows() ? ["libzstd.dll", "zstd.dll"] : ["zstd"];

    internal static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
            NativeLibrary.SetDllImportResolver(typeof(H5LibraryResolver).Assembly, Resolve);
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        switch (name)
        {
            case Libraries.Hdf5:
                return LoadCore();
            case Libraries.Hdf5HighLevel:
                LoadCore();
                return s_parallelChoice is { } choice
                    ? choice.LoadHighLevel(s_highLevelStem)
                    : Load(HighLevelLibraryVariable, HighLevelCandidates, "libhdf5_hl").Handle;
            case Libraries.Mpi:
                LoadCore();
                return Mpi.MpiLibrary.Load();
            case Libraries.Zstd:
                return TryLoadAny(ZstdCandidates);
            default:
                return IntPtr.Zero;
        }
    }

    private static (IntPtr Handle, string Path) LoadSerialOrOverride() => Load(LibraryVariable, CoreCandidates, "libhdf5");

    private static (IntPtr Handle, string Path) Load(string variable, IReadOnlyList<string> candidates, string what)
    {
        var overridePath = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(overridePath))
        {
            if (NativeLibrary.TryLoad(overridePath, out var h)) return (h, overridePath);
            throw new DllNotFoundException($"{variable} is set to '{overridePath}', but that file could not be loaded as {what}.");
        }

        foreach (var candidate in candidates)
            if (NativeLibrary.TryLoad(candidate, out var handle)) return (handle, candidate);

        throw new DllNotFoundException(
            $"Could not load {what} (HDF5 1.10 or newer). Tried: {string.Join(", ", candidates)}. " +
            InstallHint + $" Or set {variable} to the full path of the library.");
    }

    // Zero lets the runtime report DllNotFoundException at the first call, which the caller probes for.
    private static IntPtr TryLoadAny(IReadOnlyList<string> candidates)
    {
        foreach (var candidate in candidates)
            if (NativeLibrary.TryLoad(candidate, out var handle)) return handle;
        return IntPtr.Zero;
    }

    // Some filter plugins (Debian's LZF, for one) do not link libhdf5 themselves and expect its symbols to be
    // global, as they are in a C program or in Python. .NET loads libraries RTLD_LOCAL: promote libhdf5.
    internal static IntPtr Promote(string name, IntPtr handle, bool promote)
    {
        if (promote && (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            const int RTLD_LAZY = 0x1;
            int RTLD_NOLOAD = OperatingSystem.IsLinux() ? 0x4 : 0x10, RTLD_GLOBAL = OperatingSystem.IsLinux() ? 0x100 : 0x8;
            try
            {
                Dl.Open(name, RTLD_LAZY | RTLD_NOLOAD | RTLD_GLOBAL);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // No dlopen to call: plugins that link libhdf5 themselves still work.
            }
        }
        return handle;
    }

    internal static partial class Dl
    {
        [LibraryImport("libc", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
        public static partial IntPtr Open(string file, int mode);
    }

    /// <summary>What to install on this platform to get libhdf5.</summary>
    public static string InstallHint =>
        OperatingSystem.IsLinux() ? "On Debian/Ubuntu: apt-get install libhdf5-103-1 libhdf5-dev (Fedora: dnf install hdf5; conda: conda install hdf5)." :
        OperatingSystem.IsMacOS() ? "On macOS: brew install hdf5 (or conda install hdf5)." :
        OperatingSystem.IsWindows() ? "On Windows: install HDF5 from the HDF Group (or conda install hdf5) and put its bin folder on PATH." :
        "Install HDF5 1.10 or newer.";

    private static string[] Candidates(string stem, string soVersion)
    {
        var serialStem = stem.Replace("hdf5", "hdf5_serial", StringComparison.Ordinal);
        var list = new List<string>();
        if (OperatingSystem.IsLinux())
        {
            // Debian/Ubuntu install the serial flavour under these names (libhdf5-103-1 / libhdf5-dev).
            list.Add($"lib{serialStem}.so.{soVersion}");
            list.Add($"lib{serialStem}.so");
            list.Add($"/usr/lib/x86_64-linux-gnu/lib{serialStem}.so.{soVersion}");
            list.Add($"/usr/lib/aarch64-linux-gnu/lib{serialStem}.so.{soVersion}");
            // Fedora, Arch, conda, source builds.
            list.Add($"lib{stem}.so.{soVersion}");
            list.Add($"lib{stem}.so");
            foreach (var prefix in CondaPrefixes()) list.Add(Path.Combine(prefix, "lib", $"lib{stem}.so"));
        }
        else if (OperatingSystem.IsMacOS())
        {
            list.Add($"lib{stem}.dylib");
            list.Add($"/opt/homebrew/lib/lib{stem}.dylib");
            list.Add($"/usr/local/lib/lib{stem}.dylib");
            foreach (var prefix in CondaPrefixes()) list.Add(Path.Combine(prefix, "lib", $"lib{stem}.dylib"));
        }
        else if (OperatingSystem.IsWindows())
        {
            list.Add($"{stem}.dll");
            list.Add($"lib{stem}.dll");
            foreach (var prefix in CondaPrefixes()) list.Add(Path.Combine(prefix, "Library", "bin", $"{stem}.dll"));
        }
        else
        {
            list.Add(stem);
        }
        return list.ToArray();
    }

    private static IEnumerable<string> CondaPrefixes()
    {
        var conda = Environment.GetEnvironmentVariable("CONDA_PREFIX");
        if (!string.IsNullOrEmpty(conda)) yield return conda;
    }
}

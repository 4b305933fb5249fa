using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>A one-line description of the machine the numbers come from.</summary>
public static class Machine
{
    /// <summary>Flushes dirty pages (the <c>sync</c> command) so a timed write does not pay for an earlier one.</summary>
    public static void Sync()
    {
        using var p = System.Diagnostics.Process.Start("sync");
        p?.WaitForExit();
    }

    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "0";
        H5Library.EnsureInitialized();
        return $"{cpu}, {Environment.ProcessorCount} cores, {long.Parse(memKb) / 1024 / 1024} GiB, {RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}, libhdf5 {H5Library.Version} (thread-safe: {H5Library.IsThreadSafe})";
    }
}

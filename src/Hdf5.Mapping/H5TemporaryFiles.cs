using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Hdf5.Mapping;

/// <summary>The temporary files a file is built in beside its target before a rename puts it in place (by
/// <see cref="H5AtomicFile"/> and <see cref="H5File.CreateForSwmrWrite"/>), named <c>.{target name}.{host}.{process
/// id}.{random}.tmp</c> so that a later write of the same target can tell the leftovers of killed writers from anything
/// else: only files of exactly that form, for that target, made on this machine by a process that no longer runs.</summary>
internal static partial class H5TemporaryFiles
{
    private static readonly string s_host = HostTag();

    /// <summary>A new temporary path beside <paramref name="target"/> (a full path), of this process.</summary>
    public static string PathFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!,
            $".{Path.GetFileName(target)}.{s_host}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid().ToString("N")[..12]}.tmp");

    // The machine, as 8 hex digits of a stable hash of its name (string.GetHashCode differs between processes).
    private static string HostTag()
    {
        uint h = 2166136261;
        foreach (var c in Environment.MachineName.ToUpperInvariant()) h = (h ^ c) * 16777619;
        return h.ToString("x8", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\.(?<target>.+)\.(?<host>[0-9a-f]{8})\.(?<pid>[0-9]{1,10})\.[0-9a-f]{12}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex TemporaryPattern();

    /// <summary>The temporary files of <paramref name="target"/> (a full path) whose writers are gone.</summary>
    public static IEnumerable<string> Leftovers(string target)
    {
        var folder = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, ".*.tmp");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var candidate in candidates)
        {
            var m = TemporaryPattern().Match(Path.GetFileName(candidate));
            if (!m.Success || m.Groups["target"].Value != name || m.Groups["host"].Value != s_host) continue;
            if (!int.TryParse(m.Groups["pid"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            if (!WriterIsRunning(pid, candidate)) yield return candidate;
        }
    }

    /// <summary>Deletes the <see cref="Leftovers"/> of <paramref name="target"/>, as far as it may.</summary>
    public static void DeleteLeftovers(string target)
    {
        foreach (var leftover in Leftovers(target))
            try { File.Delete(leftover); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // Whether process `pid` may still be writing `temp`. A process that started after the file was last written is
    // another process that got the same id: the writer is gone. When in doubt (no access to the process), it runs.
    private static bool WriterIsRunning(int pid, string temp)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            return process.StartTime.ToUniversalTime() <= File.GetLastWriteTimeUtc(temp).AddSeconds(1);
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return true;
        }
    }
}

using System.Diagnostics;
using System.Text;

namespace Hdf5.Mapping;

/// <summary>What a child process run by <see cref="H5IsolatedProcess.Run"/> left behind when it ended normally.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="StandardOutput">What it wrote to stdout (empty unless <see cref="ProcessStartInfo.RedirectStandardOutput"/>).</param>
/// <param name="StandardError">What it wrote to stderr (empty unless <see cref="ProcessStartInfo.RedirectStandardError"/>).</param>
/// <param name="LastStep">The last step it reported ("reading dataset '/g/ints'"), if any.</param>
public sealed record H5IsolatedResult(int ExitCode, string StandardOutput, string StandardError, string? LastStep);

/// <summary>
/// Runs a process that reads an HDF5 file with this library, so that a file which makes libhdf5 crash or hang takes
/// down that process only. The child reports each object and block of data before touching it (see
/// <see cref="H5ChildProgress"/>); the watchdog here stops it when it makes no progress for
/// <see cref="H5UntrustedOptions.HangTimeout"/> or runs past <see cref="H5UntrustedOptions.TimeLimit"/>, and turns a
/// crash, a hang or a timeout into an <see cref="H5UnsafeFileException"/> naming the file and what was being read.
/// <see cref="H5UntrustedFile"/> uses it with the probe; <c>h5m</c> uses it to run each of its verbs in a child.
/// </summary>
public static class H5IsolatedProcess
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    /// <summary>Starts <paramref name="start"/> and waits for it under the watchdog.</summary>
    /// <param name="start">The child. Redirect its output to capture it; otherwise it shares this process's console.</param>
    /// <param name="filePath">The file the child reads, for messages.</param>
    /// <param name="options">Hang timeout and time limit.</param>
    /// <returns>How the child ended, when it ended by itself.</returns>
    /// <exception cref="H5UnsafeFileException">The child crashed, hung, or ran out of time.</exception>
    public static H5IsolatedResult Run(ProcessStartInfo start, string filePath, H5UntrustedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        options ??= new H5UntrustedOptions();
        var (result, reason, crashCode) = RunWatched(start, options);
        return reason is { } r ? throw Unsafe(r, filePath, result.LastStep, crashCode, options) : result;
    }

    /// <summary>As <see cref="Run"/>, but returns the output the child wrote before it crashed or was stopped, with why
    /// (null when it ended by itself) and, for a crash, its exit code.</summary>
    internal static (H5IsolatedResult Result, H5UnsafeFileReason? Reason, int? CrashCode) RunWatched(ProcessStartInfo start, H5UntrustedOptions options)
    {
        ArgumentNullException.ThrowIfNull(start);
        var progressFile = Path.Combine(Path.GetTempPath(), $"hdf5-mapping-progress-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(progressFile, []);
        start.UseShellExecute = false;
        start.Environment[H5ChildProgress.FileVariable] = progressFile;
        try
        {
            using var process = Start(start);
            var stdout = start.RedirectStandardOutput ? process.StandardOutput.ReadToEndAsync() : Task.FromResult("");
            var stderr = start.RedirectStandardError ? process.StandardError.ReadToEndAsync() : Task.FromResult("");
            var stopped = Watch(process, progressFile, options);
            process.WaitForExit(); // lets the output readers finish
            var lastStep = LastLine(progressFile);
            var result = new H5IsolatedResult(process.ExitCode, stdout.Result, stderr.Result, lastStep);
            if (stopped is { } reason) return (result, reason, null);
            if (IsCrash(process.ExitCode)) return (result, H5UnsafeFileReason.Crashed, process.ExitCode);
            return (result, null, null);
        }
        finally
        {
            try { File.Delete(progressFile); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new H5LibraryException($"Could not start '{start.FileName}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new H5LibraryException($"Could not start '{start.FileName}' to read the file in a child process: {e.Message}", e);
        }
    }

    // Waits for the child; returns why it was stopped, or null when it ended by itself.
    private static H5UnsafeFileReason? Watch(Process process, string progressFile, H5UntrustedOptions options)
    {
        var clock = Stopwatch.StartNew();
        var lastProgress = clock.Elapsed;
        long seen = 0;
        while (!process.WaitForExit(Poll))
        {
            var length = new FileInfo(progressFile).Length;
            if (length != seen)
            {
                seen = length;
                lastProgress = clock.Elapsed;
            }
            H5UnsafeFileReason? reason = clock.Elapsed - lastProgress > options.HangTimeout ? H5UnsafeFileReason.Hung
                : options.TimeLimit is { } limit && clock.Elapsed > limit ? H5UnsafeFileReason.TimeLimitExceeded
                : null;
            if (reason is null) continue;
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                return null; // it ended just now, by itself
            }
            return reason;
        }
        return null;
    }

    // Normal exit codes are 0..127. On Linux and macOS a process ended by a signal reports 128 + the signal number; on
    // Windows a crash reports an NTSTATUS error code (0xC0000005 for an access violation), negative as an int.
    private static bool IsCrash(int exitCode) => OperatingSystem.IsWindows() ? exitCode < 0 : exitCode is >= 128 and < 256;

    internal static H5UnsafeFileException Unsafe(H5UnsafeFileReason reason, string filePath, string? lastStep, int? exitCode, H5UntrustedOptions options)
    {
        var what = reason switch
        {
            H5UnsafeFileReason.Crashed => "crashed",
            H5UnsafeFileReason.Hung => $"hung (no progress for {options.HangTimeout.TotalSeconds:0.#} s)",
            _ => $"did not finish within {options.TimeLimit?.TotalSeconds:0.#} s",
        };
        var detail = new StringBuilder();
        if (lastStep is not null) detail.Append(lastStep);
        if (exitCode is { } code)
        {
            if (detail.Length > 0) detail.Append("; ");
            detail.Append(Signal(code));
        }
        var message = $"The file is corrupt: libhdf5 {what} while reading {filePath}" + (detail.Length > 0 ? $" ({detail})." : ".")
            + " It was read in a child process, which was stopped; this process is unaffected.";
        return new H5UnsafeFileException(message, reason, filePath, lastStep, exitCode, ObjectOf(lastStep, filePath));
    }

    private static string Signal(int exitCode)
    {
        if (OperatingSystem.IsWindows()) return $"exit code 0x{exitCode:X8}";
        var signal = exitCode - 128;
        var name = signal switch { 4 => "SIGILL", 6 => "SIGABRT", 7 => "SIGBUS", 8 => "SIGFPE", 9 => "SIGKILL", 11 => "SIGSEGV", _ => null };
        return name is null ? $"ended by signal {signal}" : $"ended by signal {signal}, {name}";
    }

    // The last quoted HDF5 path of a step ("reading attribute 'a' of dataset '/g/x'" names '/g/x'; the root group "/").
    private static string? ObjectOf(string? step, string filePath)
    {
        if (step is null) return null;
        string? found = null;
        for (int start = step.IndexOf('\''); start >= 0 && start + 1 < step.Length; start = step.IndexOf('\'', start + 1))
        {
            var end = step.IndexOf('\'', start + 1);
            if (end < 0) break;
            var quoted = step[(start + 1)..end];
            if (quoted.StartsWith('/') && quoted != filePath && !filePath.EndsWith(quoted, StringComparison.Ordinal)) found = quoted;
            start = end;
        }
        return found ?? (step.Contains("the root group", StringComparison.Ordinal) ? "/" : null);
    }

    private static string? LastLine(string progressFile)
    {
        using var stream = new FileStream(progressFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        if (length == 0) return null;
        var take = (int)Math.Min(length, 8192);
        stream.Seek(-take, SeekOrigin.End);
        var buffer = new byte[take];
        stream.ReadExactly(buffer);
        var text = Encoding.UTF8.GetString(buffer).TrimEnd('\n');
        var newline = text.LastIndexOf('\n');
        return newline < 0 ? text : text[(newline + 1)..];
    }
}

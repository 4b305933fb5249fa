using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping;

/// <summary>
/// Untrusted mode, for files that may be corrupt or hostile (uploads to a service, files from elsewhere): libhdf5 can
/// crash or loop forever on some corrupt files, and in this process that would end the process. Here the file is first
/// read in a child process (the probe) with a time limit: every object, attribute and, by default, every element
/// (see <see cref="H5FileWalk"/>). A file that crashes or hangs libhdf5 gives an <see cref="H5UnsafeFileException"/>
/// ("the file is corrupt: libhdf5 crashed while reading …"); a file that fails in an ordinary way gives the exception
/// reading it in process would have given (with libhdf5's stack); a file that passes can then be used in process.
/// </summary>
/// <remarks>The probe is <c>Hdf5.Mapping.Probe.dll</c>, which the Hdf5.Mapping package copies into the output folder of
/// every project that references it, run by the .NET host that runs this process (<c>dotnet exec</c>);
/// <see cref="H5UntrustedOptions.ProbeCommand"/> names another. Starting it costs a process start (about 0.1–0.3 s).
/// <para>What a passing check proves: the reads it made do not crash or hang. Reads of the same objects in process are
/// the same calls on the same bytes; the file must not change between the check and its use.</para></remarks>
public static class H5UntrustedFile
{
    /// <summary>The probe's file name, looked for in the application's folder.</summary>
    public const string ProbeFileName = "Hdf5.Mapping.Probe.dll";

    /// <summary>Reads the whole file in a child process and reports what it read.</summary>
    /// <exception cref="H5UnsafeFileException">libhdf5 crashed or hung on the file.</exception>
    /// <exception cref="H5InvalidFileException">The file is not HDF5, truncated or corrupt (<see cref="H5InvalidFileException.ObjectPath"/> names the object).</exception>
    /// <exception cref="H5FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="H5FilterNotAvailableException">Data needs a filter that is not available (with <see cref="H5UntrustedOptions.ReadData"/>).</exception>
    /// <exception cref="H5LibraryException">The probe cannot be found or started.</exception>
    public static H5FileCheckReport Check(string path, H5UntrustedOptions? options = null)
    {
        var outcome = CheckMany([path], options)[0];
        return outcome.Report ?? throw outcome.Failure!;
    }

    /// <summary>Checks many files with as few child processes as possible: one reads them in turn, and a file that
    /// crashes or hangs it is reported as such while a new child goes on with the next. Every file gets an outcome, in
    /// the order given: a report, or the exception reading it raised (as <see cref="Check"/> would throw it).</summary>
    /// <exception cref="H5LibraryException">The probe cannot be found or started.</exception>
    public static IReadOnlyList<H5FileCheckOutcome> CheckMany(IEnumerable<string> paths, H5UntrustedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new H5UntrustedOptions();
        var files = paths.ToList();
        var outcomes = new H5FileCheckOutcome[files.Count];
        var pending = new List<int>();
        for (int i = 0; i < files.Count; i++)
        {
            if (Precheck(files[i]) is { } failure) outcomes[i] = new H5FileCheckOutcome(files[i], null, failure);
            else pending.Add(i);
        }
        for (int next = 0; next < pending.Count;)
            next += CheckBatch(files, pending.GetRange(next, Math.Min(BatchSize, pending.Count - next)), outcomes, options);
        return outcomes;
    }

    // Files per child: keeps the command line short.
    private const int BatchSize = 200;

    // What fails before any child is needed: a path no file can have, a directory, a missing file.
    private static Exception? Precheck(string path)
    {
        try
        {
            H5FilePaths.Validate(path, nameof(path));
            H5FilePaths.RejectDirectory(Path.GetFullPath(path), H5FileMode.ReadOnly);
            return File.Exists(path) ? null : new H5FileNotFoundException($"Unable to open '{path}': no such file.", path);
        }
        catch (Exception e) when (e is ArgumentException or IOException)
        {
            return e;
        }
    }

    // Runs one child over `batch`; returns how many of them now have an outcome (all, or up to the one that crashed it).
    private static int CheckBatch(List<string> files, List<int> batch, H5FileCheckOutcome[] outcomes, H5UntrustedOptions options)
    {
        var start = ProbeStart(options);
        start.ArgumentList.Add("check");
        foreach (var i in batch) start.ArgumentList.Add(Path.GetFullPath(files[i]));
        if (!options.ReadData) start.ArgumentList.Add("--no-data");
        if (options.MaxElementsPerDataset is { } max)
        {
            start.ArgumentList.Add("--max-elements");
            start.ArgumentList.Add(max.ToString(CultureInfo.InvariantCulture));
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var (result, reason, crashCode) = H5IsolatedProcess.RunWatched(start, options);
        var done = H5ProbeProtocol.ReadAll(result.StandardOutput);
        if (done.Count > batch.Count) done.RemoveRange(batch.Count, done.Count - batch.Count);
        for (int k = 0; k < done.Count; k++) outcomes[batch[k]] = done[k] with { Path = files[batch[k]], ProbeStandardError = result.StandardError };
        if (done.Count == batch.Count) return done.Count;
        if (reason is null)
            throw new H5LibraryException($"The untrusted-mode probe ({start.FileName}) exited with code {result.ExitCode} after {done.Count} of {batch.Count} files: {result.StandardError.Trim()}");
        var victim = files[batch[done.Count]];
        outcomes[batch[done.Count]] = new H5FileCheckOutcome(victim, null,
            H5IsolatedProcess.Unsafe(reason.Value, Path.GetFullPath(victim), result.LastStep, crashCode, options))
        { ProbeStandardError = result.StandardError };
        return done.Count + 1;
    }

    /// <summary>Checks the file (<see cref="Check"/>) and, when it passes, opens it read-only in this process.</summary>
    public static H5File Open(string path, H5UntrustedOptions? options = null)
    {
        Check(path, options);
        return H5File.Open(path);
    }

    /// <summary>Checks the file (<see cref="Check"/>, metadata and attributes: what validation reads) and, when it
    /// passes, validates it against <paramref name="schema"/> in this process.</summary>
    public static H5ValidationResult Validate(string path, H5GroupSchema schema, H5ValidationOptions? validation = null, H5UntrustedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var o = options ?? new H5UntrustedOptions();
        Check(path, new H5UntrustedOptions { HangTimeout = o.HangTimeout, TimeLimit = o.TimeLimit, ProbeCommand = o.ProbeCommand, ReadData = false });
        return H5SchemaValidator.Validate(path, schema, validation);
    }

    /// <summary>The probe's side: <c>check PATH... [--no-data] [--max-elements N]</c> walks each file in turn and prints
    /// one JSON result line per file as it is done. Called by the probe executable (and by hosts that embed the probe);
    /// not for other use.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static int RunProbe(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length < 2 || args[0] != "check")
        {
            output.WriteLine("usage: check PATH... [--no-data] [--max-elements N]");
            return 2;
        }
        var maxAt = Array.IndexOf(args, "--max-elements");
        var options = new H5UntrustedOptions
        {
            ReadData = !args.Contains("--no-data"),
            MaxElementsPerDataset = maxAt > 0 && maxAt + 1 < args.Length ? long.Parse(args[maxAt + 1], CultureInfo.InvariantCulture) : null,
        };
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] == "--no-data") continue;
            if (args[i] == "--max-elements") { i++; continue; }
            string line;
            try
            {
                var report = H5FileWalk.Run(args[i], options);
                line = H5ProbeProtocol.Report(args[i], report, H5File.OpenObjectCountInProcess);
            }
            catch (Exception e)
            {
                line = H5ProbeProtocol.Failure(args[i], e, H5File.OpenObjectCountInProcess);
            }
            output.WriteLine(line);
            output.Flush();
        }
        return 0;
    }

    private static ProcessStartInfo ProbeStart(H5UntrustedOptions options)
    {
        if (options.ProbeCommand is { Count: > 0 } command)
        {
            var custom = new ProcessStartInfo(command[0]);
            foreach (var a in command.Skip(1)) custom.ArgumentList.Add(a);
            return custom;
        }
        var probe = Path.Combine(AppContext.BaseDirectory, ProbeFileName);
        if (!File.Exists(probe))
            throw new H5LibraryException($"Untrusted mode needs {ProbeFileName} in the application's folder ({AppContext.BaseDirectory}); the Hdf5.Mapping " +
                "package copies it there on build and publish. Set H5UntrustedOptions.ProbeCommand to start it from elsewhere.");
        var start = new ProcessStartInfo(DotnetHost());
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(probe);
        return start;
    }

    // The .NET host to run the probe with: the one running this process when it is `dotnet`, else the one the SDK
    // names (DOTNET_HOST_PATH), else the host of the runtime this process runs on, else DOTNET_ROOT, else PATH.
    private static string DotnetHost()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && Path.GetFileName(self).Equals(exe, StringComparison.OrdinalIgnoreCase)) return self;
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath)) return hostPath;
        // The runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/; the host is <root>/dotnet.
        var runtime = System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory();
        var root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        if (File.Exists(Path.Combine(root, exe))) return Path.Combine(root, exe);
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot && File.Exists(Path.Combine(dotnetRoot, exe)))
            return Path.Combine(dotnetRoot, exe);
        return exe;
    }
}

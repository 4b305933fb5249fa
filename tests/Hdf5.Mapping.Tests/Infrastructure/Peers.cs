using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>
/// The peers our files are checked against: h5py (Debian's python3-h5py, run with /usr/bin/python3) and
/// h5dump (hdf5-tools). A missing peer fails the test with what to install; it is never skipped.
/// </summary>
public static class Peers
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Runs a Python script with h5py (and numpy, hdf5plugin available) and returns its stdout.
    /// Arguments reach the script as sys.argv[1:].</summary>
    public static string RunPython(string script, params string[] args)
    {
        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing: apt-get install python3 python3-h5py (the README's test command installs it).");
        var (code, stdout, stderr) = Run(Python, ["-c", "import h5py, numpy\n" + script, .. args]);
        if (stderr.Contains("No module named 'h5py'", StringComparison.Ordinal))
            throw new InvalidOperationException("h5py is missing for /usr/bin/python3: apt-get install python3-h5py.");
        if (code != 0) throw new InvalidOperationException($"python exited {code}:\n{stderr}\n--- script ---\n{script}");
        return stdout;
    }

    /// <summary>Runs a Python script that prints one JSON document, and parses it.</summary>
    public static JsonElement PythonJson(string script, params string[] args)
    {
        var output = RunPython("import json\n" + script, args);
        try
        {
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"python printed no JSON: {output}", e);
        }
    }

    /// <summary>Runs h5dump with the arguments and returns its stdout (fails when h5dump fails).</summary>
    public static string H5Dump(params string[] args)
    {
        var exe = FindOnPath("h5dump") ?? throw new InvalidOperationException("h5dump is missing: apt-get install hdf5-tools.");
        var (code, stdout, stderr) = Run(exe, args);
        if (code != 0) throw new InvalidOperationException($"h5dump exited {code}:\n{stderr}\n{stdout}");
        return stdout;
    }

    public static (int Code, string Stdout, string Stderr) Run(string exe, IEnumerable<string> args, IDictionary<string, string>? env = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{exe} did not finish in time.");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }
        return File.Exists("/usr/bin/" + name) ? "/usr/bin/" + name : null;
    }
}

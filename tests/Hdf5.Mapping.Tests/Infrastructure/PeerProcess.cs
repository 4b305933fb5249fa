using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>
/// A peer that runs beside the test and talks in lines: h5py scripts or helper programs that write or read a file
/// while the test does the other side. Every wait is bounded (it fails with what the peer printed so far, never
/// hangs), and disposing kills the peer if it is still running.
/// </summary>
public sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _seen = new();

    private PeerProcess(string exe, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        _process = new Process { StartInfo = psi };
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) _lines.CompleteAdding();
            else _lines.Add(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) lock (_stderr) _stderr.AppendLine(e.Data);
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>How long any one wait may take before the test fails (generous: the machine may be loaded).</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromSeconds(90);

    /// <summary>Starts an h5py script (with <c>h5py</c>, <c>numpy</c> and <c>sys</c> imported); arguments are sys.argv[1:].</summary>
    public static PeerProcess Python(string script, params string[] args)
    {
        if (!File.Exists(Peers.Python))
            throw new InvalidOperationException($"{Peers.Python} is missing: apt-get install python3 python3-h5py (the README's test command installs it).");
        return new PeerProcess(Peers.Python, ["-u", "-c", "import sys, h5py, numpy\n" + script, .. args]);
    }

    /// <summary>Starts a .NET program built beside the tests (<c>dotnet exec name.dll args</c>).</summary>
    public static PeerProcess DotNet(string assembly, params string[] args) =>
        new("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, assembly), .. args]);

    /// <summary>The peer's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Reads the next line the peer prints; fails if it exits or stays silent past <see cref="Patience"/>.</summary>
    public string ReadLine()
    {
        if (_lines.TryTake(out var line, Patience))
        {
            _seen.AppendLine(line);
            return line;
        }
        throw new TimeoutException(_lines.IsAddingCompleted ? $"The peer ended without printing more.{Describe()}" : $"The peer printed nothing for {Patience}.{Describe()}");
    }

    /// <summary>Reads lines until one starts with <paramref name="prefix"/> and returns the rest of it.</summary>
    public string ReadUntil(string prefix)
    {
        while (true)
        {
            var line = ReadLine();
            if (line.StartsWith(prefix, StringComparison.Ordinal)) return line[prefix.Length..];
        }
    }

    /// <summary>Sends one line to the peer's standard input.</summary>
    public void WriteLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Waits for the peer to exit and returns the rest of its output; fails when it exits with an error.</summary>
    public string WaitForSuccess()
    {
        if (!_process.WaitForExit(Patience))
            throw new TimeoutException($"The peer did not exit within {Patience}.{Describe()}");
        _process.WaitForExit(); // drains the output handlers
        var rest = new StringBuilder();
        while (_lines.TryTake(out var line)) rest.AppendLine(line);
        _seen.Append(rest);
        if (_process.ExitCode != 0) throw new InvalidOperationException($"The peer exited with {_process.ExitCode}.{Describe()}");
        return rest.ToString();
    }

    /// <summary>Kills the peer at once (SIGKILL on Linux: no handler, no flush, no clean-up) and waits for it to end.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private string Describe()
    {
        string err;
        lock (_stderr) err = _stderr.ToString();
        return $"\n--- peer stdout ---\n{_seen}\n--- peer stderr ---\n{err}";
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(); // the output handlers are done once this returns
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        _lines.Dispose();
    }
}

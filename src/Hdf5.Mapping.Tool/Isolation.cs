using System.CommandLine;
using System.Diagnostics;

namespace Hdf5.Mapping.Tool;

/// <summary>
/// h5m reads files in untrusted mode by default: each verb runs in a child h5m (the same program, started again with the
/// same arguments), watched by <see cref="H5IsolatedProcess"/>. A file that makes libhdf5 crash or hang then ends with
/// "h5m: The file is corrupt: libhdf5 crashed while reading …" and exit code 6, never with a dead h5m. The child's
/// output reaches the terminal directly. <c>--in-process</c> skips the child (faster by a process start, for trusted
/// files); <c>--timeout</c> sets how long the child may make no progress before it is taken to hang.
/// </summary>
internal static class Isolation
{
    /// <summary>Set in the child's environment: run the verb here.</summary>
    private const string ChildVariable = "HDF5_MAPPING_H5M_CHILD";

    public static readonly Option<bool> InProcess = new("--in-process")
    {
        Description = "Read the file in this process instead of a child process (trusted files only: a file that crashes libhdf5 then ends h5m).",
        Recursive = true,
    };

    public static readonly Option<double> Timeout = new("--timeout")
    {
        Description = "Seconds the child process may make no progress before the file is reported as hanging libhdf5 (default 60).",
        DefaultValueFactory = _ => 60,
        Recursive = true,
    };

    /// <summary>Whether this invocation should hand its verb to a child.</summary>
    public static bool ShouldIsolate(ParseResult parse) =>
        Environment.GetEnvironmentVariable(ChildVariable) != "1"
        && !parse.GetValue(InProcess)
        && parse.CommandResult.Command is not RootCommand
        && parse.Errors.Count == 0
        && parse.Action is not System.CommandLine.Help.HelpAction;

    /// <summary>Runs this h5m again, with the same arguments, in a watched child; returns its exit code.</summary>
    public static int RunInChild(ParseResult parse, string[] args)
    {
        var timeout = parse.GetValue(Timeout);
        if (timeout <= 0)
        {
            Console.Error.WriteLine("h5m: --timeout must be more than 0 seconds");
            return ExitCodes.Usage;
        }
        var start = SelfStart();
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment[ChildVariable] = "1";
        var file = InputFile(parse);
        try
        {
            return H5IsolatedProcess.Run(start, file, new H5UntrustedOptions { HangTimeout = TimeSpan.FromSeconds(timeout) }).ExitCode;
        }
        catch (H5UnsafeFileException e)
        {
            Console.Error.WriteLine($"h5m: {e.Message}");
            return ExitCodes.Unsafe;
        }
    }

    // dotnet exec h5m.dll (tests, `dotnet h5m.dll`) or the h5m executable (an installed dotnet tool).
    private static ProcessStartInfo SelfStart()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("h5m cannot find its own executable to start a child.");
        var name = Path.GetFileNameWithoutExtension(self);
        if (!name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return new ProcessStartInfo(self);
        var start = new ProcessStartInfo(self);
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "h5m.dll"));
        return start;
    }

    // The file the verb reads (its first argument, without a /path inside it), for the message.
    private static string InputFile(ParseResult parse)
    {
        var argument = parse.CommandResult.Command.Arguments.FirstOrDefault();
        var value = argument is null ? null : parse.GetResult(argument)?.Tokens.FirstOrDefault()?.Value;
        if (value is null) return "the file";
        try
        {
            return Path.GetFullPath(FileAndPath.Split(value).File);
        }
        catch (ToolException)
        {
            return value;
        }
    }
}

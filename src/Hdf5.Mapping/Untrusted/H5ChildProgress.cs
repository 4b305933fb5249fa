using System.Text;

namespace Hdf5.Mapping;

/// <summary>
/// Tells a watching parent process what this process is doing with a file: before each object is opened and before
/// each block of data is read, one line ("opening /g/ints") is appended to the file named by
/// <see cref="FileVariable"/>. The isolated runner (<see cref="H5IsolatedProcess"/>) sets that variable for its child,
/// reads the last line when libhdf5 crashes or hangs in it to name the object, and takes a growing file as a sign of
/// progress. Without the variable nothing is written.
/// </summary>
internal static class H5ChildProgress
{
    /// <summary>The environment variable naming the progress file.</summary>
    public const string FileVariable = "HDF5_MAPPING_PROGRESS_FILE";

    private static readonly object s_lock = new();
    private static readonly FileStream? s_file = OpenFromEnvironment();

    /// <summary>Whether progress is being reported (the variable was set when this process started using the library).</summary>
    public static bool Enabled => s_file is not null;

    private static FileStream? OpenFromEnvironment()
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(path)) return null;
        try
        {
            // Unbuffered: each line must reach the file before the call that may crash runs.
            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Reports <paramref name="what"/> ("reading dataset '/x'", "opening '/g'") when progress is enabled.</summary>
    public static void Report(string what)
    {
        if (s_file is null) return;
        var bytes = Encoding.UTF8.GetBytes(what.ReplaceLineEndings(" ") + "\n");
        lock (s_lock) s_file.Write(bytes);
    }

    /// <summary>Reports a step built only when progress is enabled.</summary>
    public static void Report<TState>(TState state, Func<TState, string> what)
    {
        if (s_file is not null) Report(what(state));
    }
}

using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>
/// Captures what native code writes to file descriptor 2 (libhdf5 prints its error stacks there when automatic
/// printing is on), so tests can assert that a failing call printed nothing.
/// </summary>
public static partial class StderrCapture
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int dup2(int oldfd, int newfd);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags, int mode);

    [LibraryImport("libc")]
    private static partial int close(int fd);

    [LibraryImport("libc")]
    private static partial int fflush(nint stream);

    /// <summary>Runs <paramref name="action"/> with fd 2 redirected to a file and returns what was written there.</summary>
    public static string Run(Action action)
    {
        var file = Path.GetTempFileName();
        const int O_WRONLY = 1, O_TRUNC = 512;
        fflush(0);
        var saved = dup(2);
        var fd = open(file, O_WRONLY | O_TRUNC, 420);
        dup2(fd, 2);
        close(fd);
        try
        {
            action();
        }
        finally
        {
            fflush(0);
            dup2(saved, 2);
            close(saved);
        }
        var text = File.ReadAllText(file);
        File.Delete(file);
        return text;
    }
}

namespace Hdf5.Mapping.Tests.Errors;

/// <summary>What a failure reading a corrupted file must be: a specific exception with libhdf5's stack naming the
/// object or the file, or for a file that makes libhdf5 itself crash or hang, an unsafe-file report naming the file.
/// Shared by the corpus test and the corpus sweep (tests/Hdf5.Mapping.CorpusSweep).</summary>
public static class CorpusVerdict
{
    /// <summary>What is wrong with <paramref name="e"/>, raised reading <paramref name="path"/>; null when it is as it should be.</summary>
    public static string? Problem(string path, Exception e)
    {
        if (e is H5UnsafeFileException u)
            return u.FilePath == Path.GetFullPath(path) && u.Message.StartsWith("The file is corrupt: libhdf5", StringComparison.Ordinal) ? null : $"unsafe-file report without the file: {u.Message}";
        if (e is not (H5InvalidFileException or H5FilterNotAvailableException or H5LinkNotFoundException or H5TypeMismatchException or H5SelectionException))
            return $"{e.GetType().Name} is not a specific exception: {e.Message}";
        var stack = ((IH5Exception)e).ErrorStack;
        if (stack.Count == 0 && e is not H5SelectionException && !e.Message.Contains("without an error stack", StringComparison.Ordinal))
            return $"{e.GetType().Name} without libhdf5's stack: {e.Message}";
        var named = (e as H5InvalidFileException)?.ObjectPath is not null || e.Message.Contains(Path.GetFullPath(path), StringComparison.Ordinal)
            || e.Message.Contains('\'' + "/", StringComparison.Ordinal);
        return named ? null : $"{e.GetType().Name} names neither the object nor the file: {e.Message}";
    }
}

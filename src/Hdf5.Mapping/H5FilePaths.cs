namespace Hdf5.Mapping;

/// <summary>Checks on file paths made before anything touches the disk. libhdf5 takes C strings, so a path with a NUL
/// would be cut at the NUL and name another file (<c>"data.h5\0.bak"</c> would truncate <c>data.h5</c>).</summary>
internal static class H5FilePaths
{
    /// <summary>Rejects paths no file can have: empty, with NUL, or ending with a directory separator.</summary>
    public static void Validate(string path, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path, paramName);
        if (path.Contains('\0'))
            throw new ArgumentException($"'{path.Replace("\0", "\\0")}' contains NUL: no file has such a name.", paramName);
        if (path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar))
            throw new ArgumentException($"'{path}' ends with a directory separator: it names a directory, not a file.", paramName);
    }

    /// <summary>Raises the exception of its kind when <paramref name="path"/> is an existing directory.</summary>
    public static void RejectDirectory(string path, H5FileMode mode)
    {
        if (!Directory.Exists(path)) return;
        if (mode is H5FileMode.ReadOnly or H5FileMode.ReadWrite or H5FileMode.Append)
            throw new H5InvalidFileException($"Unable to open '{path}': it is a directory, not an HDF5 file.");
        throw new H5AlreadyExistsException($"Unable to create '{path}': a directory of that name exists.");
    }
}

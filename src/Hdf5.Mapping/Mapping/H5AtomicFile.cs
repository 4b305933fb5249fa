namespace Hdf5.Mapping;

/// <summary>Writes a file so that a reader never sees it half written: the content goes to a temporary file
/// beside the target, which then replaces the target in one rename. A process killed mid-write leaves the
/// old file whole (and a stray temporary file, which the next write does not reuse).</summary>
public static partial class H5AtomicFile
{
    /// <summary>Creates a new HDF5 file at a temporary path, calls <paramref name="write"/>, closes it and renames it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<H5File> write, H5FileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = System.IO.Path.GetFullPath(path);
        var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, $".{System.IO.Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = H5File.Create(temp, overwrite: false, options))
                write(file);
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
    }
}

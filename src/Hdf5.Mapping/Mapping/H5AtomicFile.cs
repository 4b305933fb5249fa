using System.Runtime.InteropServices;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>Writes a file so that a reader never sees it half written: the content goes to a temporary file beside the
/// target, which then replaces the target in one rename. A process killed mid-write leaves the old file whole and a
/// stray temporary file, which the next write of the same target deletes once the process that wrote it is gone.</summary>
/// <remarks>
/// The temporary file is named <c>.{target name}.{host}.{process id}.{random}.tmp</c>, so that a later write can tell its
/// own leftovers from anything else: only files of exactly that form, for the same target, written on this machine by
/// a process that no longer runs, are deleted. (Leftovers of other machines sharing the folder are kept: whether their
/// writer still runs cannot be known from here.) <see cref="H5File.CreateForSwmrWrite"/> builds its file under the same
/// kind of name and cleans up the same way.
/// <para>With <c>durable</c>, the data and the rename are on stable storage when <see cref="Write(string, Action{H5File}, H5FileOptions, bool)"/> returns: the file is
/// flushed to disk (<c>fsync</c>) before the rename and its folder after it (on Windows, the rename is made with
/// write-through). Without it, a power loss soon after a write may leave the old file or, on some file systems, an empty
/// one; a crash of the process alone never does.</para>
/// </remarks>
public static partial class H5AtomicFile
{
    /// <summary>Creates a new HDF5 file at a temporary path, calls <paramref name="write"/>, closes it and renames it over
    /// <paramref name="path"/>. When <paramref name="write"/> throws, the target is untouched and the temporary file deleted.</summary>
    /// <param name="path">The file to write or replace.</param>
    /// <param name="write">Writes the content into the new file.</param>
    /// <param name="options">Creation options of the new file.</param>
    /// <param name="durable">Flush the file and the rename to stable storage before returning (see remarks).</param>
    /// <exception cref="ArgumentException">The path is empty, contains NUL or ends with a directory separator.</exception>
    /// <exception cref="H5AlreadyExistsException">A directory exists at <paramref name="path"/>.</exception>
    public static void Write(string path, Action<H5File> write, H5FileOptions? options = null, bool durable = false)
    {
        H5FilePaths.Validate(path, nameof(path));
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        H5FilePaths.RejectDirectory(full, H5FileMode.Create);
        var folder = Path.GetDirectoryName(full)!;
        H5TemporaryFiles.DeleteLeftovers(full);
        var temp = H5TemporaryFiles.PathFor(full);
        try
        {
            using (var file = H5File.Create(temp, overwrite: false, options))
                write(file);
            if (durable) FlushToDisk(temp);
            Replace(temp, full, durable);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        if (durable) FlushFolder(folder);
    }

    /// <summary>The temporary files of killed writers of <paramref name="path"/> (by this class or by
    /// <see cref="H5File.CreateForSwmrWrite"/>) that <see cref="Write(string, Action{H5File}, H5FileOptions, bool)"/> would delete now.</summary>
    public static IReadOnlyList<string> FindLeftovers(string path)
    {
        H5FilePaths.Validate(path, nameof(path));
        var full = Path.GetFullPath(path);
        return H5TemporaryFiles.Leftovers(full).ToArray();
    }

    // ---- durability -----------------------------------------------------------------------------------

    private static void FlushToDisk(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.Flush(flushToDisk: true);
    }

    private static void Replace(string temp, string target, bool durable)
    {
        if (durable && OperatingSystem.IsWindows())
        {
            if (!Kernel32.MoveFileEx(temp, target, Kernel32.ReplaceExisting | Kernel32.WriteThrough))
                throw new IOException($"Cannot replace '{target}': {Marshal.GetLastPInvokeErrorMessage()}");
            return;
        }
        File.Move(temp, target, overwrite: true);
    }

    // POSIX: a rename is durable once the folder holding it is flushed.
    private static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return; // MoveFileEx with write-through did it
        var fd = Libc.Open(folder, Libc.ReadOnly);
        if (fd < 0) throw new IOException($"Cannot open '{folder}' to flush the rename to disk: {Marshal.GetLastPInvokeErrorMessage()}");
        try
        {
            if (Libc.Fsync(fd) < 0) throw new IOException($"Cannot flush '{folder}' to disk: {Marshal.GetLastPInvokeErrorMessage()}");
        }
        finally
        {
            Libc.Close(fd);
        }
    }
}

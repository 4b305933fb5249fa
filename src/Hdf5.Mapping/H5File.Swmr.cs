using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Single-writer/multiple-reader (SWMR): one process appends to a file while others read it, without locks. The
// writer creates every object first (1.10 file format), then starts SWMR writing; from then on only the data of
// existing datasets may change, and readers refresh datasets to see what the writer flushed.
public sealed partial class H5File
{
    // The oldest superblock that can carry SWMR writing: version 3, written by the 1.10 format (libver v110).
    private const uint SwmrSuperblockVersion = 3;

    /// <summary>Whether the file is open for SWMR writing or SWMR reading (h5py: <c>File.swmr_mode</c>).</summary>
    public bool SwmrMode => (Intent & (H5F.AccSwmrWrite | H5F.AccSwmrRead)) != 0;

    /// <summary>Whether the file is open for SWMR writing: objects and attributes can no longer be created or removed.</summary>
    public bool IsSwmrWriting => (Intent & H5F.AccSwmrWrite) != 0;

    /// <summary>Whether the file was opened with write intent (<c>H5F_ACC_RDWR</c>).</summary>
    internal bool IsWritable => (Intent & H5F.AccRdwr) != 0;

    // Asked before every creation (SWMR writing refuses them): read once, and again only after StartSwmrWrite, the one
    // call that changes it (libhdf5 refuses it on a file opened more than once).
    private uint? _intent;

    private uint Intent
    {
        get
        {
            if (_intent is { } known) return known;
            using var scope = H5Library.Enter();
            H5Call.Check(H5F.GetIntent(Id, out var intent), $"reading how '{_path}' was opened");
            _intent = intent;
            return intent;
        }
    }

    /// <summary>
    /// Switches a file opened read-write into SWMR writing (<c>H5Fstart_swmr_write</c>; h5py: <c>f.swmr_mode = True</c>).
    /// Create every group, dataset and attribute first: afterwards only the data of existing datasets may change
    /// (write, <see cref="H5Dataset.Append{T}(ReadOnlySpan{T})"/>, resize), and readers see it after a flush. Calling it
    /// again is harmless.
    /// </summary>
    /// <exception cref="H5ReadOnlyFileException">The file was opened read-only.</exception>
    /// <exception cref="H5SwmrException">The file was created or opened with a format older than SWMR needs (create it
    /// with <see cref="H5FileOptions.ForSwmr"/>), or attributes or named datatypes of it are still open.</exception>
    public void StartSwmrWrite()
    {
        using var scope = H5Library.Enter();
        var intent = Intent;
        if ((intent & H5F.AccSwmrWrite) != 0) return;
        if ((intent & H5F.AccRdwr) == 0)
            throw new H5ReadOnlyFileException($"Cannot start SWMR writing on '{_path}': it was opened read-only.");
        H5Call.Check(H5F.GetInfo2(Id, out var info), $"reading the superblock of '{_path}'");
        if (info.SuperVersion < SwmrSuperblockVersion)
            throw new H5SwmrException($"Cannot start SWMR writing on '{_path}': it was created with an older file format (superblock version " +
                $"{info.SuperVersion}) than SWMR needs (version {SwmrSuperblockVersion}, the 1.10 format). Create it with H5FileOptions.ForSwmr() " +
                "(h5py: libver=\"latest\").");
        var (low, _) = LibverBounds;
        if (low < H5LibraryVersion.V110)
            throw new H5SwmrException($"Cannot start SWMR writing on '{_path}': it was opened with the lowest format version {low}, and SWMR " +
                "writing needs V110 or later so that every object it touches uses the 1.10 format. Open it with H5FileOptions.ForSwmr() " +
                "(h5py: libver=\"latest\").");
        var open = (long)H5F.GetObjCount(Id.Value, H5F.ObjAttr | H5F.ObjDatatype);
        if (open > 0)
            throw new H5SwmrException($"Cannot start SWMR writing on '{_path}': {open} attribute(s) or named datatype(s) of it are open, " +
                "and libhdf5 refuses to start while they are. Dispose them first.");
        _intent = null;
        H5Call.Check(H5F.StartSwmrWrite(Id), $"Starting SWMR writing on '{_path}'");
        _intent = null;
    }

    // libhdf5 keeps the name a file was opened under; a file moved into place after SWMR writing started answers with its new one.
    private bool _movedIntoPlace;

    /// <summary>
    /// Creates a file that SWMR readers can follow (h5py: <c>File(path, "w", libver="latest")</c>, create the objects,
    /// then <c>swmr_mode = True</c>): the file gets the 1.10 format of <see cref="H5FileOptions.ForSwmr"/> (or
    /// <paramref name="options"/>' bounds, raised to V110), <paramref name="build"/> creates its groups, datasets and
    /// attributes, and SWMR writing starts. The file is built beside <paramref name="path"/> and moved over it only then,
    /// so a reader never sees it half built, and no reader that opened it early can lock the writer out (libhdf5 locks a
    /// file for its readers until SWMR writing starts). If <paramref name="build"/> fails, <paramref name="path"/> is left as
    /// it was. On Windows, where an open file cannot be moved, the file is built in place instead (replacing the old one at
    /// once, and removed if <paramref name="build"/> fails). The file is built under the temporary names of
    /// <see cref="H5AtomicFile"/>, and the leftovers of writers killed while building are deleted in the same way, by
    /// the next call for the same path.
    /// </summary>
    /// <returns>The file, open for SWMR writing: append to its datasets and flush.</returns>
    public static H5File CreateForSwmrWrite(string path, Action<H5File> build, H5FileOptions? options = null)
    {
        H5FilePaths.Validate(path, nameof(path));
        ArgumentNullException.ThrowIfNull(build);
        options ??= H5FileOptions.ForSwmr();
        if (options.Swmr) throw new ArgumentException("Leave H5FileOptions.Swmr unset: SWMR writing starts once build has run.", nameof(options));
        var full = System.IO.Path.GetFullPath(path);
        var inPlace = OperatingSystem.IsWindows();
        if (!inPlace) H5TemporaryFiles.DeleteLeftovers(full); // those of writers killed while building
        var building = inPlace ? full : H5TemporaryFiles.PathFor(full);
        var low = options.LibverLow < H5LibraryVersion.V110 ? H5LibraryVersion.V110 : options.LibverLow;
        var file = Open(building, inPlace ? H5FileMode.Create : H5FileMode.CreateExclusive, options.WithLibver(low));
        try
        {
            build(file);
            file.StartSwmrWrite();
            if (!inPlace)
            {
                System.IO.File.Move(building, full, overwrite: true); // POSIX: the open file moves with its name
                file._path = full;
                file._movedIntoPlace = true;
            }
            return file;
        }
        catch
        {
            file.Dispose();
            try { System.IO.File.Delete(building); } catch (IOException) { }
            throw;
        }
    }

    /// <summary>Raises <see cref="H5SwmrException"/> when the file is in SWMR write mode: libhdf5 1.10 would carry the
    /// operation out, but readers following the file cannot see new or removed objects and may read it inconsistently.</summary>
    internal void RefuseUnderSwmr(string operation)
    {
        if (!IsSwmrWriting) return;
        throw new H5SwmrException($"Cannot {operation}: '{_path}' is in SWMR write mode, where only the data of existing datasets may " +
            "change (write, append, resize, flush); readers following the file would not see the change and could read it inconsistently. " +
            "Create every group, dataset and attribute before StartSwmrWrite().");
    }

    private static uint OpenFlags(string path, H5FileMode mode, H5FileOptions options)
    {
        switch (mode)
        {
            case H5FileMode.ReadOnly:
                return H5F.AccRdonly | (options.Swmr ? H5F.AccSwmrRead : 0);
            case H5FileMode.ReadWrite:
                return H5F.AccRdwr | (options.Swmr ? H5F.AccSwmrWrite : 0);
            default:
                if (options.Swmr)
                    throw new ArgumentException($"Cannot create '{path}' in SWMR mode: SWMR writing allows no new objects, so create the file " +
                        "with H5FileOptions.ForSwmr(), add its datasets and attributes, then call StartSwmrWrite().", nameof(options));
                return 0;
        }
    }
}

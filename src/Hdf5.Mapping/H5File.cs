using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// An HDF5 file, which is also its root group (h5py's <c>File</c>). Open with <see cref="Open(string, H5FileMode, H5FileOptions?)"/> or
/// <see cref="Create(string, bool, H5FileOptions?)"/>; dispose to close. Closing the file closes every object still open in it.
/// </summary>
public sealed partial class H5File : H5Group
{
    private H5File(FileId id, H5FileMode mode, string path) : base(id, null, "/")
    {
        _fileId = id;
        Mode = mode;
        _path = path;
    }

    private readonly FileId _fileId;
    private string _path; // changed only when a file built for SWMR is moved into place (H5File.Swmr.cs)

    /// <summary>The file id (h5py: <c>File.id</c>, a <c>FileID</c>).</summary>
    /// <exception cref="ObjectDisposedException">The file was closed.</exception>
    public new FileId Id => Open(_fileId);

    /// <summary>Whether the file was closed (then so is every object opened in it).</summary>
    internal bool IsClosed => _fileId.IsClosed;

    /// <summary>The undo log link and attribute changes are recorded in, while one is active (during a live view's save).</summary>
    internal H5ChangeJournal? Journal { get; private set; }

    /// <summary>Runs <paramref name="change"/> so that it either completes or, when it throws, leaves the file's links and
    /// attributes as they were (see <see cref="H5ChangeJournal"/>).</summary>
    internal void ChangeAtomically(Action change)
    {
        if (Journal is not null) throw new InvalidOperationException($"'{_path}' is already being changed atomically.");
        var journal = Journal = new H5ChangeJournal(this);
        try
        {
            change();
        }
        catch (Exception e)
        {
            Journal = null;
            journal.Rollback(e);
            throw;
        }
        Journal = null;
        journal.Commit();
    }

    internal override string What => $"the root group of '{_path}'";

    /// <summary>The mode the file was opened in.</summary>
    public H5FileMode Mode { get; }

    /// <summary>The file name as libhdf5 knows it (h5py: <c>File.filename</c>).</summary>
    public unsafe string Filename
    {
        get
        {
            if (_fileId.IsClosed || _movedIntoPlace) return _path;
            using var scope = H5Library.Enter();
            return H5Call.ReadString((b, n) => H5F.GetName(Id, b, n), "reading the file name");
        }
    }

    /// <summary>Opens a file (h5py: <c>h5py.File(path, mode)</c>).</summary>
    /// <exception cref="H5FileNotFoundException">The file does not exist (modes r, r+).</exception>
    /// <exception cref="H5InvalidFileException">The file is not HDF5, or is truncated or corrupt.</exception>
    /// <exception cref="H5AlreadyExistsException">Mode <see cref="H5FileMode.CreateExclusive"/> and the file exists.</exception>
    /// <exception cref="ArgumentException">The path is empty, contains NUL or ends with a directory separator.</exception>
    public static H5File Open(string path, H5FileMode mode = H5FileMode.ReadOnly, H5FileOptions? options = null)
    {
        H5FilePaths.Validate(path, nameof(path));
        if (IsRemote(path))
        {
            // URLs go to the read-only S3 driver, anonymous, with this call's page buffer size.
            if (mode != H5FileMode.ReadOnly)
                throw new H5ReadOnlyFileException($"'{path}' is remote: libhdf5's ROS3 driver opens it read-only.");
            return OpenRemote(path, new H5RemoteOptions { PageBufferSize = options?.PageBufferSize ?? 0 });
        }
        options ??= new H5FileOptions();
        using var scope = H5Library.Enter();
        var inMemory = options.InMemory && !options.BackingStore;
        if (!inMemory) H5FilePaths.RejectDirectory(path, mode);
        if (H5ChildProgress.Enabled) H5ChildProgress.Report($"opening '{path}'");
        var exists = options.Parallel is { } parallel ? Mpi.H5ParallelAccess.AgreeExists(parallel, path) : System.IO.File.Exists(path);
        if (mode == H5FileMode.Append) mode = exists ? H5FileMode.ReadWrite : H5FileMode.CreateExclusive;
        var openFlags = OpenFlags(path, mode, options);
        using var fapl = options.CreateAccessList(swmrWrite: (openFlags & H5F.AccSwmrWrite) != 0);
        long id;
        switch (mode)
        {
            case H5FileMode.ReadOnly:
            case H5FileMode.ReadWrite:
                if (!exists && !inMemory)
                    throw new H5FileNotFoundException($"Unable to open '{path}': no such file.", path);
                if (mode == H5FileMode.ReadWrite && exists) RequirePageBufferBeforeWriting(path, options.PageBufferSize);
                id = H5F.Open(path, openFlags, fapl);
                if (id < 0) H5Call.Throw($"Unable to open '{path}'");
                return new H5File(RequirePageBuffer(id, options.PageBufferSize, path), mode, path) { _parallel = Mpi.H5ParallelFile.For(options.Parallel) };
            case H5FileMode.Create:
            case H5FileMode.CreateExclusive:
                if (mode == H5FileMode.CreateExclusive && exists)
                    throw new H5AlreadyExistsException($"Unable to create '{path}': the file exists (mode w-).");
                using (var fcpl = options.CreateCreationList())
                {
                    id = H5F.Create(path, mode == H5FileMode.Create ? H5F.AccTrunc : H5F.AccExcl, fcpl, fapl);
                    if (id < 0) H5Call.Throw($"Unable to create '{path}'");
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
        }
        return new H5File(new FileId(id), mode, path) { _parallel = Mpi.H5ParallelFile.For(options.Parallel) };
    }

    /// <summary>Creates a file (h5py mode <c>"w"</c>, or <c>"w-"</c> when <paramref name="overwrite"/> is false).</summary>
    public static H5File Create(string path, bool overwrite = true, H5FileOptions? options = null) =>
        Open(path, overwrite ? H5FileMode.Create : H5FileMode.CreateExclusive, options);

    /// <summary>Creates a file that lives only in memory (core driver without backing store); <paramref name="name"/>
    /// only identifies it.</summary>
    public static H5File CreateInMemory(string name = "memory.h5", H5FileOptions? options = null)
    {
        options ??= new H5FileOptions();
        options.InMemory = true;
        options.BackingStore = false;
        return Open(name, H5FileMode.Create, options);
    }

    /// <summary>Whether <paramref name="path"/> is an HDF5 file (<c>H5Fis_accessible</c>, <c>H5Fis_hdf5</c> before
    /// libhdf5 1.12); false for a missing file.</summary>
    public static bool IsHdf5(string path)
    {
        H5FilePaths.Validate(path, nameof(path));
        if (!System.IO.File.Exists(path)) return false;
        using var scope = H5Library.Enter();
        var r = H5Api.IsHdf5(path);
        if (r < 0)
        {
            H5ErrorStack.Capture(); // unreadable counts as "no"; drop the stack
            return false;
        }
        return r > 0;
    }

    /// <summary>Writes buffered data to disk (h5py: <c>File.flush()</c>).</summary>
    public void Flush()
    {
        using var scope = H5Library.Enter();
        H5Call.Check(H5F.Flush(Id, H5F.Scope.Global), $"flushing '{_path}'");
    }

    /// <summary>Closes the file and every object still open in it (h5py: <c>File.close()</c>).</summary>
    public void Close() => Dispose();

    /// <summary>Size of the file in bytes (<c>H5Fget_filesize</c>).</summary>
    public long FileSize
    {
        get
        {
            using var scope = H5Library.Enter();
            H5Call.Check(H5F.GetFilesize(Id, out var size));
            return (long)size;
        }
    }

    /// <summary>The version of the file's superblock (<c>H5Fget_info2</c>): 0 or 1 for files created with the earliest
    /// format, 2 for a low bound of 1.8, 3 for 1.10 and later (h5py <c>libver='latest'</c>) or SWMR.</summary>
    public int SuperblockVersion
    {
        get
        {
            using var scope = H5Library.Enter();
            H5Call.Check(H5F.GetInfo2(Id, out var info), "reading the superblock version");
            return (int)info.SuperVersion;
        }
    }

    /// <summary>The low format bound the file was created with, as its superblock shows (<see cref="SuperblockVersion"/>):
    /// what <see cref="H5FileOptions.LibverLow"/> must be for a copy to store the same kinds of objects (attributes larger
    /// than 64 KiB and dense attribute storage need <see cref="H5LibraryVersion.V18"/> or later).</summary>
    public H5LibraryVersion CreatedLowBound => SuperblockVersion switch
    {
        <= 1 => H5LibraryVersion.Earliest,
        2 => H5LibraryVersion.V18,
        _ => H5LibraryVersion.V110,
    };

    /// <summary>The file's metadata-cache configuration (<c>H5Fget_mdc_config</c>, h5py: <c>f.id.get_mdc_config()</c>).</summary>
    public unsafe H5AC.CacheConfig GetMetadataCacheConfig()
    {
        using var scope = H5Library.Enter();
        H5AC.CacheConfig config = default;
        config.Version = H5AC.CurrCacheConfigVersion;
        H5Call.Check(H5F.GetMdcConfig(Id, &config), "reading the metadata cache configuration");
        return config;
    }

    /// <summary>The libver bounds the file was opened with.</summary>
    public (H5LibraryVersion Low, H5LibraryVersion High) LibverBounds
    {
        get
        {
            using var scope = H5Library.Enter();
            using var fapl = new PropertyListId(H5Call.Check(H5F.GetAccessPlist(Id)));
            H5Call.Check(H5P.GetLibverBounds(fapl, out var low, out var high));
            return ((H5LibraryVersion)low, (H5LibraryVersion)high);
        }
    }

    /// <summary>The file's bytes as they are now (<c>H5Fget_file_image</c>); works for on-disk and in-memory files.</summary>
    public unsafe byte[] GetImage()
    {
        using var scope = H5Library.Enter();
        Flush();
        var size = (long)H5F.GetFileImage(Id, null, 0);
        if (size < 0) H5Call.Throw("reading the file image");
        var image = new byte[size];
        fixed (byte* p = image)
            if ((long)H5F.GetFileImage(Id, p, (nuint)size) < 0) H5Call.Throw("reading the file image");
        return image;
    }

    /// <summary>Number of objects open in this file, the file itself included (<c>H5Fget_obj_count</c>).</summary>
    public long OpenObjectCount
    {
        get
        {
            using var scope = H5Library.Enter();
            return (long)H5F.GetObjCount(Id.Value, H5F.ObjAll);
        }
    }

    /// <summary>Lists the HDF5 objects open in the whole process (kind and path), for leak reports.</summary>
    public static unsafe string DescribeOpenObjects()
    {
        using var scope = H5Library.Enter();
        var ids = OpenIds();
        return ids.Count == 0 ? "none" : string.Join("; ", ids.Select(id =>
        {
            var b = new BorrowedId(id);
            var name = H5Call.ReadString((buf, size) => H5I.GetName(b, buf, size));
            return $"{H5I.GetType(b)} '{name}'";
        }));
    }

    /// <summary>Number of HDF5 objects open in the whole process: files, groups, datasets, attributes and committed
    /// datatypes. Transient datatypes (the memory types this library caches) are not objects in a file and are not counted.</summary>
    public static long OpenObjectCountInProcess
    {
        get
        {
            using var scope = H5Library.Enter();
            return OpenIds().Count;
        }
    }

    private static unsafe List<long> OpenIds()
    {
        var n = (long)H5F.GetObjCount(H5F.ObjIdAllFiles, H5F.ObjAll);
        var ids = new long[Math.Max(n, 0)];
        if (n > 0)
            fixed (long* p = ids) n = (long)H5F.GetObjIds(H5F.ObjIdAllFiles, H5F.ObjAll, (nuint)n, p);
        var result = new List<long>();
        for (int i = 0; i < n; i++)
        {
            var b = new BorrowedId(ids[i]);
            if (H5I.GetType(b) == H5I.Type.Datatype && H5T.Committed(b) <= 0) continue;
            result.Add(ids[i]);
        }
        return result;
    }
}

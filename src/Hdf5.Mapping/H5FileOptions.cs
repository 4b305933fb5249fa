using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>File creation and access options (h5py's <c>File(...)</c> keyword arguments).</summary>
public sealed class H5FileOptions
{
    /// <summary>Low bound of the format versions (h5py: <c>libver=(low, high)</c>).</summary>
    public H5LibraryVersion LibverLow { get; set; } = H5LibraryVersion.Earliest;

    /// <summary>High bound of the format versions.</summary>
    public H5LibraryVersion LibverHigh { get; set; } = H5LibraryVersion.Latest;

    /// <summary>Keep the file in memory (h5py: <c>driver="core"</c>).</summary>
    public bool InMemory { get; set; }

    /// <summary>With <see cref="InMemory"/>: write the image to <c>Filename</c> on close (h5py: <c>backing_store</c>).</summary>
    public bool BackingStore { get; set; }

    /// <summary>Growth increment of the in-memory image, in bytes.</summary>
    public long InMemoryIncrement { get; set; } = 64 * 1024;

    /// <summary>Root group tracks link and attribute creation order (h5py: <c>track_order=True</c>).</summary>
    public bool TrackOrder { get; set; }

    /// <summary>Paged file-space strategy with this page size in bytes, for cloud-optimized files
    /// (h5py: <c>fs_strategy="page", fs_page_size=...</c>); 0 keeps the default strategy.</summary>
    public long PageSize { get; set; }

    /// <summary>Page buffer size in bytes for reading paged files (h5py: <c>page_buf_size</c>); 0 for none. Opening an
    /// existing file that is not paged, or whose pages are larger than the buffer, raises <see cref="H5Exception"/> on
    /// every libhdf5 version, and leaves the file as it was.</summary>
    public long PageBufferSize { get; set; }

    /// <summary>User block size in bytes (h5py: <c>userblock_size</c>; <c>H5Pset_userblock</c>): 0 for none, otherwise a
    /// power of two of at least 512. The superblock follows the block; read its size back with
    /// <see cref="H5File.UserBlockSize"/>, its bytes with <see cref="H5File.ReadUserBlock"/>.</summary>
    public long UserBlockSize { get; set; }

    /// <summary>Open with single-writer/multiple-reader access: a read-only open becomes a SWMR reader that sees what a
    /// writer in another process flushes (h5py: <c>File(path, "r", swmr=True)</c>); a read-write open of an existing
    /// file starts SWMR writing at once (h5py: <c>File(path, "r+", libver="latest")</c>, then <c>swmr_mode = True</c>),
    /// with <see cref="LibverLow"/> raised to <see cref="H5LibraryVersion.V110"/> if it is lower, as SWMR writing needs.
    /// A file being created cannot start in SWMR mode (its objects must exist first): create it, then call
    /// <see cref="H5File.StartSwmrWrite"/>.</summary>
    public bool Swmr { get; set; }

    /// <summary>Options for a file that SWMR readers can follow: libver bounds (v110, v110), the 1.10 file format that
    /// SWMR writing needs, readable by libhdf5 1.10 and every later version (h5py writes such files with
    /// <c>libver="latest"</c> on libhdf5 1.10).</summary>
    public static H5FileOptions ForSwmr() => new() { LibverLow = H5LibraryVersion.V110, LibverHigh = H5LibraryVersion.V110 };

    /// <summary>A copy with another low libver bound (and the high bound raised to it if lower).</summary>
    internal H5FileOptions WithLibver(H5LibraryVersion low)
    {
        var copy = (H5FileOptions)MemberwiseClone();
        copy.LibverLow = low;
        if (copy.LibverHigh < low) copy.LibverHigh = low;
        return copy;
    }

    internal PropertyListId CreateAccessList(bool swmrWrite = false)
    {
        var fapl = new PropertyListId(H5Call.Check(H5P.Create(H5Globals.FileAccess)));
        try
        {
            RequireKnown(LibverLow, nameof(LibverLow));
            RequireKnown(LibverHigh, nameof(LibverHigh));
            var low = swmrWrite && LibverLow < H5LibraryVersion.V110 ? H5LibraryVersion.V110 : LibverLow;
            var high = LibverHigh < low ? low : LibverHigh;
            H5Call.Check(H5P.SetLibverBounds(fapl, (H5P.Libver)low, (H5P.Libver)high), "setting libver bounds");
            // Like h5py's File.close(): closing the file closes every object still open in it.
            H5Call.Check(H5P.SetFcloseDegree(fapl, H5P.CloseDegree.Strong));
            if (InMemory) H5Call.Check(H5P.SetFaplCore(fapl, (nuint)InMemoryIncrement, BackingStore), "selecting the core driver");
            if (PageBufferSize > 0) H5Call.Check(H5P.SetPageBufferSize(fapl, (nuint)PageBufferSize, 0, 0), "setting the page buffer size");
            return fapl;
        }
        catch
        {
            fapl.Dispose();
            throw;
        }
    }

    // libhdf5 only says "invalid high bound" for a format newer than itself: name the version that is needed.
    private static void RequireKnown(H5LibraryVersion bound, string name)
    {
        var needs = bound switch
        {
            H5LibraryVersion.V112 => new Version(1, 12, 0),
            H5LibraryVersion.V114 => new Version(1, 14, 0),
            H5LibraryVersion.V200 => new Version(2, 0, 0),
            _ => null,
        };
        if (needs is not null && H5Library.Version < needs)
            throw new ArgumentException($"{name} = {bound} needs libhdf5 {needs.ToString(2)} or later; the loaded libhdf5 is {H5Library.Version}.", name);
    }

    internal PropertyListId CreateCreationList()
    {
        var fcpl = new PropertyListId(H5Call.Check(H5P.Create(H5Globals.FileCreate)));
        try
        {
            if (TrackOrder)
            {
                H5Call.Check(H5P.SetLinkCreationOrder(fcpl, H5P.CrtOrderTracked | H5P.CrtOrderIndexed));
                H5Call.Check(H5P.SetAttrCreationOrder(fcpl, H5P.CrtOrderTracked | H5P.CrtOrderIndexed));
            }
            if (PageSize > 0)
            {
                H5Call.Check(H5P.SetFileSpaceStrategy(fcpl, H5F.FspaceStrategy.Page, true, 1), "setting the paged file-space strategy");
                H5Call.Check(H5P.SetFileSpacePageSize(fcpl, (ulong)PageSize), "setting the file-space page size");
            }
            if (UserBlockSize != 0)
            {
                if (UserBlockSize < 512 || (UserBlockSize & (UserBlockSize - 1)) != 0)
                    throw new ArgumentOutOfRangeException(nameof(UserBlockSize), UserBlockSize,
                        "A user block is 0 bytes or a power of two of at least 512 bytes (h5py: userblock_size).");
                H5Call.Check(H5P.SetUserblock(fcpl, (ulong)UserBlockSize), "setting the user block size");
            }
            return fcpl;
        }
        catch
        {
            fcpl.Dispose();
            throw;
        }
    }
}

using Microsoft.Win32.SafeHandles;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// Where a dataset's elements lie in its file when they can be read without libhdf5: one contiguous, allocated,
/// unfiltered extent whose stored type is exactly the memory type, in a file every handle of this process opened
/// read-only (not SWMR) through the sec2 driver. Reads use libhdf5's own file descriptor (<c>H5Fget_vfd_handle</c>),
/// so they see the file libhdf5 has open, never another file at the same path.
/// </summary>
/// <remarks>
/// Freshness: libhdf5 keeps a read-only file's object headers in its metadata cache and so never re-reads a
/// dataset's address or shape; this captures them once, as libhdf5 holds them. Element bytes are read from the
/// descriptor at every call, so they are never older than what <c>H5Dread</c> returns (its sieve buffer may keep
/// bytes from before a change by another process; this does not). A file open for writing anywhere in the process
/// (libhdf5 shares one open file between handles) or for SWMR reading (<c>H5Drefresh</c> moves extents) is left to
/// libhdf5, which holds unflushed data and refreshed metadata that the file's bytes do not show yet.
/// </remarks>
internal sealed class H5DirectStorage
{
    private readonly SafeFileHandle _descriptor;

    private H5DirectStorage(SafeFileHandle descriptor, long offset, long length)
    {
        _descriptor = descriptor;
        Offset = offset;
        Length = length;
    }

    /// <summary>The file offset of the first element.</summary>
    public long Offset { get; }

    /// <summary>The extent's length in bytes.</summary>
    public long Length { get; }

    /// <summary>libhdf5's descriptor of the file (not owned: valid while the file id is open).</summary>
    public SafeFileHandle Descriptor => _descriptor;

    /// <summary>The dataset's extent, or null with the reason it must be read through libhdf5.</summary>
    public static unsafe H5DirectStorage? TryLocate(H5Dataset dataset, DatatypeId memType, out string reason)
    {
        using var scope = H5Library.Enter();
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
            return Refuse(out reason, "the sec2 driver's handle is a POSIX descriptor only on Unix");
        H5Call.Check(H5F.GetIntent(dataset.File.Id, out var intent), "reading the file's intent");
        if ((intent & H5F.AccRdwr) != 0) return Refuse(out reason, "the file is open for writing");
        if ((intent & H5F.AccSwmrRead) != 0) return Refuse(out reason, "the file is open for SWMR reading");
        using (var dcpl = dataset.GetCreatePropertyList())
        {
            if (H5P.GetLayout(dcpl) != H5P.Layout.Contiguous) return Refuse(out reason, "the dataset is not contiguous");
            if (H5P.GetNfilters(dcpl) != 0) return Refuse(out reason, "the dataset is filtered");
            if (H5P.GetExternalCount(dcpl) != 0) return Refuse(out reason, "the dataset's data are in external files");
        }
        using (var fileType = dataset.FileType())
            if (H5T.Equal(fileType, memType) <= 0) return Refuse(out reason, "the stored type differs from the memory type (byte order, size or layout): libhdf5 converts it");
        var offset = H5D.GetOffset(dataset.Id);
        if (offset == ulong.MaxValue) return Refuse(out reason, "the dataset's storage is not allocated (libhdf5 reads its fill value)");
        using (var fapl = new PropertyListId(H5Call.Check(H5F.GetAccessPlist(dataset.File.Id), "reading the file access properties")))
        {
            if (H5P.GetDriver(fapl) != Sec2Driver()) return Refuse(out reason, "the file is not opened through the sec2 driver");
            void* handle = null;
            H5Call.Check(H5F.GetVfdHandle(dataset.File.Id, fapl, &handle), "reading the file's descriptor");
            reason = "";
            var length = (long)H5D.GetStorageSize(dataset.Id);
            return new H5DirectStorage(new SafeFileHandle(*(int*)handle, ownsHandle: false), checked((long)offset), length);
        }
    }

    /// <summary>Reads <paramref name="destination"/>'s length from <paramref name="position"/> bytes into the extent.</summary>
    public void Read(long position, Span<byte> destination)
    {
        var at = Offset + position;
        while (!destination.IsEmpty)
        {
            var n = RandomAccess.Read(_descriptor, destination, at);
            if (n <= 0) throw new IOException($"The file ends before the dataset's data (byte {at}): it was truncated after it was opened.");
            destination = destination[n..];
            at += n;
        }
    }

    private static long s_sec2;

    // H5FD_SEC2 is a macro over an initialising call in 1.10 and a global in 1.14: ask a fresh list which id it sets.
    private static long Sec2Driver()
    {
        if (s_sec2 != 0) return s_sec2;
        using var fapl = new PropertyListId(H5Call.Check(H5P.Create(H5Globals.FileAccess)));
        H5Call.Check(H5P.SetFaplSec2(fapl));
        return s_sec2 = H5Call.Check(H5P.GetDriver(fapl));
    }

    private static H5DirectStorage? Refuse(out string reason, string why)
    {
        reason = why;
        return null;
    }
}

using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// The page buffer asked for when opening an existing file, the same on every libhdf5 version. libhdf5 1.10 refuses
// a page buffer for a file that is not paged, or one smaller than the file's page size; 1.14.4 and later open the
// first without any page buffer and enlarge the second, without a word. Either would leave the caller believing in a
// buffer they do not have, so both are refused on every version, with the reason 1.10 gives.
public sealed partial class H5File
{
    /// <summary>Takes the id of a file just opened read-only with a page buffer of <paramref name="pageBufferSize"/>
    /// bytes; closes it and throws when the file cannot have that buffer.</summary>
    private static FileId RequirePageBuffer(long id, long pageBufferSize, string path)
    {
        var file = new FileId(id);
        if (pageBufferSize <= 0) return file;
        string? reason;
        try
        {
            reason = WhyNoPageBuffer(file, pageBufferSize);
        }
        catch
        {
            file.Dispose();
            throw;
        }
        if (reason is null) return file;
        file.Dispose();
        throw PageBufferRefused(path, pageBufferSize, reason);
    }

    /// <summary>Before a writable open with a page buffer: a writable open that is then refused would still rewrite
    /// the superblock when closed, so the file is looked at read-only first, and left as it was when refused.</summary>
    private static void RequirePageBufferBeforeWriting(string path, long pageBufferSize)
    {
        if (pageBufferSize <= 0) return;
        var id = H5F.Open(path, H5F.AccRdonly, PropertyListId.Default);
        if (id < 0)
        {
            H5ErrorStack.Capture(); // the writable open that follows reports why the file cannot be opened
            return;
        }
        using var file = new FileId(id);
        if (WhyNoPageBuffer(file, pageBufferSize) is { } reason) throw PageBufferRefused(path, pageBufferSize, reason);
    }

    private static H5Exception PageBufferRefused(string path, long pageBufferSize, string reason) =>
        new($"Unable to open '{path}' with a page buffer of {pageBufferSize} bytes: {reason}");

    // Null when the file can have the buffer.
    private static string? WhyNoPageBuffer(FileId file, long pageBufferSize)
    {
        using var fcpl = new PropertyListId(H5Call.Check(H5F.GetCreatePlist(file), "reading the file creation properties"));
        H5Call.Check(H5P.GetFileSpaceStrategy(fcpl, out var strategy, out _, out _), "reading the file space strategy");
        if (strategy != H5F.FspaceStrategy.Page)
            return "enabling page buffering requires PAGE file space strategy, and the file was not written paged " +
                "(H5FileOptions.PageSize; h5py fs_strategy=\"page\"). Open it without a page buffer, or rewrite it paged " +
                "(h5repack -S PAGE -G 65536).";
        H5Call.Check(H5P.GetFileSpacePageSize(fcpl, out var pageSize), "reading the file space page size");
        if ((ulong)pageBufferSize < pageSize)
            return $"the page buffer size must be >= the page size, and the file's pages are {pageSize} bytes.";
        return null;
    }
}

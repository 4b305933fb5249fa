namespace Hdf5.Mapping.LowLevel;

/// <summary>What a libhdf5 error stack says went wrong, as far as a caller can act on it.</summary>
public enum H5ErrorKind
{
    /// <summary>Nothing more specific than "the call failed".</summary>
    Other,
    /// <summary>The file has no HDF5 signature.</summary>
    NotHdf5,
    /// <summary>The file is shorter than its superblock says.</summary>
    Truncated,
    /// <summary>The file's structures (superblock, object headers, heaps, B-trees, messages) cannot be decoded, or
    /// point outside the file: the file is corrupt.</summary>
    CorruptMetadata,
    /// <summary>The stored data cannot be decoded by a filter that is present (a corrupt chunk, a failed checksum).</summary>
    CorruptData,
    /// <summary>A filter the data needs is neither built in nor loadable as a plugin.</summary>
    MissingFilter,
    /// <summary>A link, object or attribute does not exist.</summary>
    NotFound,
    /// <summary>Something already exists where a new one was to be created.</summary>
    AlreadyExists,
    /// <summary>A write was attempted on a file opened read-only.</summary>
    ReadOnly,
    /// <summary>No conversion between the stored and the requested datatype.</summary>
    TypeMismatch,
    /// <summary>A selection or extent outside the dataspace.</summary>
    Selection,
    /// <summary>An id that libhdf5 no longer knows (closed, or its file was closed).</summary>
    InvalidId,
}

/// <summary>
/// The one table that maps a libhdf5 error stack to a .NET exception (h5py's <c>_errors.templ.pyx</c> does the same
/// with minor codes). Conditions that describe the file itself (not HDF5, truncated, corrupt) are looked for on the
/// whole stack first, because libhdf5 reports them deep inside generic records ("object not found", "out of range")
/// that would otherwise decide; then, like h5py, the innermost record decides.
/// </summary>
/// <remarks>A missing filter is only classified here (<see cref="H5ErrorKind.MissingFilter"/>): libhdf5's stack names the
/// filter but does not carry its id, so <see cref="H5FilterNotAvailableException"/> is built by the dataset, which reads
/// the id from its own filter pipeline (<c>H5Dataset.DataFailure</c>). <see cref="Create"/> never guesses an id: called
/// for such a stack by a caller that has no pipeline, it raises a plain <see cref="H5Exception"/> with libhdf5's words.</remarks>
public static class H5ErrorTable
{
    /// <summary>Classifies <paramref name="stack"/>.</summary>
    public static H5ErrorKind Classify(H5ErrorStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (stack.HasMinor(H5Globals.Errors.NotHdf5)) return H5ErrorKind.NotHdf5;
        if (stack.HasMinor(H5Globals.Errors.Truncated)) return H5ErrorKind.Truncated;
        if (IsMissingFilter(stack)) return H5ErrorKind.MissingFilter;
        if (IsCorruptMetadata(stack)) return H5ErrorKind.CorruptMetadata;
        if (IsCorruptData(stack)) return H5ErrorKind.CorruptData;
        if (stack.Any(r => r.Description.Contains("no write intent", StringComparison.Ordinal))) return H5ErrorKind.ReadOnly;
        // libhdf5 reports a missing conversion with a generic minor code ("Unable to initialize object").
        if (stack.Any(r => r.Description.Contains("conversion path", StringComparison.Ordinal))) return H5ErrorKind.TypeMismatch;
        return ClassifyInnermost(stack);
    }

    private static H5ErrorKind ClassifyInnermost(H5ErrorStack stack)
    {
        if (stack.Innermost is not { } inner) return H5ErrorKind.Other;
        var minor = inner.MinorId;
        if (minor == H5Globals.Errors.NotFound) return H5ErrorKind.NotFound;
        if (minor == H5Globals.Errors.FileExists || minor == H5Globals.Errors.Exists) return H5ErrorKind.AlreadyExists;
        if (minor == H5Globals.Errors.CantConvert) return H5ErrorKind.TypeMismatch;
        if (minor == H5Globals.Errors.BadRange) return H5ErrorKind.Selection;
        if (minor == H5Globals.Errors.BadFile || minor == H5Globals.Errors.SeekError || minor == H5Globals.Errors.ReadError)
            return H5ErrorKind.CorruptMetadata;
        if (minor == H5Globals.Errors.BadId) return H5ErrorKind.InvalidId;
        return H5ErrorKind.Other;
    }

    // "required filter 'lzf' is not registered" (H5Z) and plugin-loading records (H5PL). Metadata that fails to
    // load is reported with the same minor code as a plugin that fails to load (H5E_CANTLOAD): only the major code
    // (H5E_PLUGIN) or the pipeline's own words tell a missing filter apart.
    private static bool IsMissingFilter(H5ErrorStack stack) =>
        (stack.HasMajor(H5Globals.Errors.Plugin) && !IsFileOpen(stack))
        || stack.HasMinor(H5Globals.Errors.NoFilter)
        || stack.Any(r => r.MajorId == H5Globals.Errors.Pline && r.Description.Contains("is not registered", StringComparison.Ordinal));

    // Opening a file runs no filter. When an open fails, libhdf5 1.14 looks for a VOL connector among the plugins, and
    // a plugin that does not load there (Debian's LZF one) leaves plugin records on the stack of a merely corrupt file.
    private static bool IsFileOpen(H5ErrorStack stack) =>
        stack.Any(r => r.Function is "H5Fopen" or "H5F_open" or "H5VL_file_open");

    // The metadata cache could not load, protect or verify an entry, a structure could not be decoded, or a read went
    // past the end of the file (an address that points nowhere).
    private static bool IsCorruptMetadata(H5ErrorStack stack)
    {
        var pastEnd = stack.HasMinor(H5Globals.Errors.Overflow) && stack.HasMinor(H5Globals.Errors.ReadError);
        // A failure that starts inside a heap or a B-tree (names, links, chunk indexes) is a structure of the file
        // that does not hold together ("unable to offset into local heap data block", "bad heap free list").
        var inStructure = stack.Innermost is { } inner && (inner.MajorId == H5Globals.Errors.Heap || inner.MajorId == H5Globals.Errors.BTree);
        return pastEnd || inStructure || stack.Any(r =>
            r.MinorId == H5Globals.Errors.CantDecode
            || r.MinorId == H5Globals.Errors.CantLoad
            || r.MinorId == H5Globals.Errors.BadVersion
            || r.MinorId == H5Globals.Errors.CantProtect // a structure could not be brought in from the file
            || (r.MajorId == H5Globals.Errors.Cache && r.MinorId == H5Globals.Errors.ReadError));
    }

    // A present filter failed to decode stored data: libhdf5 says "filter returned failure during read".
    private static bool IsCorruptData(H5ErrorStack stack) =>
        stack.Any(r => r.MajorId == H5Globals.Errors.Pline && r.MinorId == H5Globals.Errors.ReadError);

    /// <summary>Builds the exception for <paramref name="stack"/>; <paramref name="context"/> says what was being
    /// done, <paramref name="objectPath"/> which object it was about (named by a corrupt-file exception).
    /// <paramref name="unclassified"/> is what a stack this table cannot place means for the caller (a call that can only
    /// fail on a corrupt file says <see cref="H5ErrorKind.CorruptMetadata"/>). A missing filter is left to the caller that
    /// knows the pipeline (see the remarks of <see cref="H5ErrorTable"/>).</summary>
    public static Exception Create(H5ErrorStack stack, string? context, string? objectPath = null, H5ErrorKind unclassified = H5ErrorKind.Other)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var message = Describe(stack, context);
        var file = context ?? "The file";
        var kind = Classify(stack);
        return (kind == H5ErrorKind.Other ? unclassified : kind) switch
        {
            H5ErrorKind.NotHdf5 => new H5InvalidFileException($"{file}: not an HDF5 file (no HDF5 signature found).", stack),
            H5ErrorKind.Truncated => new H5InvalidFileException($"{file}: the file is truncated.", stack),
            H5ErrorKind.CorruptMetadata => new H5InvalidFileException(Corrupt(stack, context, objectPath is null ? "the file is corrupt" : $"the metadata of '{objectPath}' is corrupt"), stack, objectPath),
            H5ErrorKind.CorruptData => new H5InvalidFileException(Corrupt(stack, context, objectPath is null ? "the stored data is corrupt" : $"the stored data of '{objectPath}' is corrupt"), stack, objectPath),
            H5ErrorKind.NotFound => new H5LinkNotFoundException(message, null, stack),
            H5ErrorKind.AlreadyExists => new H5AlreadyExistsException(message, stack),
            H5ErrorKind.ReadOnly => new H5ReadOnlyFileException(message, stack),
            H5ErrorKind.TypeMismatch => new H5TypeMismatchException(message, stack),
            H5ErrorKind.Selection => new H5SelectionException(message, stack),
            H5ErrorKind.InvalidId => new ObjectDisposedException(objectPath, message),
            _ => new H5Exception(message, stack),
        };
    }

    /// <summary>The filter name in "required filter 'lzf' is not registered" (null when the stack does not say).</summary>
    public static string? FilterName(H5ErrorStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        const string marker = "required filter '";
        foreach (var r in stack)
        {
            var start = r.Description.IndexOf(marker, StringComparison.Ordinal);
            if (start < 0) continue;
            start += marker.Length;
            var end = r.Description.IndexOf('\'', start);
            if (end > start) return r.Description[start..end];
        }
        return null;
    }

    private static string Corrupt(H5ErrorStack stack, string? context, string what) => $"{context ?? "Reading the file"}: {what}: {Detail(stack)}";

    private static string Describe(H5ErrorStack stack, string? context)
    {
        var what = Detail(stack);
        return context is null ? what : $"{context}: {what}";
    }

    private static string Detail(H5ErrorStack stack)
    {
        var detail = stack.Innermost?.Description;
        var outer = stack.Count > 0 ? stack[0].Description : null;
        var what = outer is null ? detail : (detail is null || detail == outer ? outer : $"{outer} ({detail})");
        return what ?? "libhdf5 call failed";
    }
}

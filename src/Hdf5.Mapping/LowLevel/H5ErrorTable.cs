namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// The one table that maps a libhdf5 error stack to a .NET exception (h5py's <c>_errors.templ.pyx</c> does
/// the same with minor codes). The most specific minor code anywhere on the stack wins.
/// </summary>
public static class H5ErrorTable
{
    /// <summary>Builds the exception for <paramref name="stack"/>; <paramref name="context"/> says what was being done.</summary>
    public static Exception Create(H5ErrorStack stack, string? context)
    {
        var message = Describe(stack, context);
        // Whole-stack conditions first: they are unambiguous wherever they appear.
        if (stack.HasMinor(H5Globals.Errors.NotHdf5))
            return new H5InvalidFileException($"{context ?? "The file"}: not an HDF5 file (no HDF5 signature found).", stack);
        if (stack.HasMinor(H5Globals.Errors.Truncated))
            return new H5InvalidFileException($"{context ?? "The file"}: the file is truncated.", stack);
        if (stack.HasMinor(H5Globals.Errors.CantLoad) || stack.HasMinor(H5Globals.Errors.NoFilter) || stack.HasMajor(H5Globals.Errors.Plugin))
            return FilterError(stack, message);

        // libhdf5 reports a missing conversion with a generic minor code ("Unable to initialize object").
        if (stack.Any(r => r.Description.Contains("conversion path", StringComparison.Ordinal)))
            return new H5TypeMismatchException(message, stack);

        // Then, like h5py, the innermost record decides: it says what actually went wrong.
        var inner = stack.Innermost;
        if (inner is null) return new H5Exception(message, stack);
        if (inner.Description.Contains("no write intent", StringComparison.Ordinal))
            return new H5ReadOnlyFileException(message, stack);
        var minor = inner.MinorId;
        if (minor == H5Globals.Errors.NotFound)
            return new H5LinkNotFoundException(message, null, stack);
        if (minor == H5Globals.Errors.FileExists || minor == H5Globals.Errors.Exists)
            return new H5AlreadyExistsException(message, stack);
        if (minor == H5Globals.Errors.CantConvert)
            return new H5TypeMismatchException(message, stack);
        if (minor == H5Globals.Errors.BadRange)
            return new H5SelectionException(message, stack);
        if (minor == H5Globals.Errors.BadFile || minor == H5Globals.Errors.CantDecode || minor == H5Globals.Errors.SeekError || minor == H5Globals.Errors.ReadError)
            return new H5InvalidFileException(message, stack);
        if (minor == H5Globals.Errors.BadId)
            return new ObjectDisposedException(null, message);
        return new H5Exception(message, stack);
    }

    private static Exception FilterError(H5ErrorStack stack, string message)
    {
        // libhdf5 says "required filter 'X' is not registered" or "can't locate plugin" without the id in a
        // field of its own; the filter layer adds the id, name and install hint when it knows them.
        return new H5FilterNotAvailableException(-1, message, stack);
    }

    private static string Describe(H5ErrorStack stack, string? context)
    {
        var detail = stack.Innermost?.Description;
        var outer = stack.Count > 0 ? stack[0].Description : null;
        var what = outer is null ? detail : (detail is null || detail == outer ? outer : $"{outer} ({detail})");
        return context is null ? (what ?? "libhdf5 call failed") : $"{context}: {what ?? "libhdf5 call failed"}";
    }
}

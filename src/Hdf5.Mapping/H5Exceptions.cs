using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping;

// The exceptions this library raises. Each derives from the .NET exception a C# user already catches for
// that situation (KeyNotFoundException for a missing link, FileNotFoundException for a missing file, ...)
// and carries libhdf5's error stack. LowLevel/H5ErrorTable.cs decides which one a libhdf5 failure becomes.

/// <summary>Implemented by every exception that reports a libhdf5 failure.</summary>
public interface IH5Exception
{
    /// <summary>libhdf5's error stack when the call failed (empty when this library detected the problem first).</summary>
    H5ErrorStack ErrorStack { get; }
}

internal static class H5ExceptionText
{
    public static string With(string message, H5ErrorStack stack) =>
        stack.Count == 0 ? message : message + Environment.NewLine + "HDF5 error stack:" + Environment.NewLine + stack;
}

/// <summary>A libhdf5 call failed (h5py raises <c>OSError</c>/<c>RuntimeError</c> here).</summary>
public class H5Exception : Exception, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5Exception(string message, H5ErrorStack? stack = null, Exception? inner = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty), inner) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>libhdf5 could not be loaded, is too old, or failed to initialize.</summary>
public sealed class H5LibraryException : H5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5LibraryException(string message, Exception? inner = null) : base(message, null, inner) { }
}

/// <summary>A link, object or attribute does not exist (h5py: <c>KeyError</c>).</summary>
public sealed class H5LinkNotFoundException : KeyNotFoundException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5LinkNotFoundException(string message, string? path = null, H5ErrorStack? stack = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty))
    {
        Path = path;
        ErrorStack = stack ?? H5ErrorStack.Empty;
    }

    /// <summary>The path or attribute name that was not found.</summary>
    public string? Path { get; }

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>The file does not exist (h5py: <c>FileNotFoundError</c>).</summary>
public sealed class H5FileNotFoundException : FileNotFoundException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5FileNotFoundException(string message, string fileName, H5ErrorStack? stack = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty), fileName) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>The file is not HDF5, is truncated, or its structures or stored data are corrupt (h5py: <c>OSError</c>).
/// When the corruption was met while using one object, <see cref="ObjectPath"/> names it (the rest of the file may
/// be readable). It is an <see cref="IOException"/> whose <see cref="Exception.InnerException"/> is an
/// <see cref="InvalidDataException"/> (which is sealed, so it cannot be the base class).</summary>
public class H5InvalidFileException : IOException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5InvalidFileException(string message, H5ErrorStack? stack = null, string? objectPath = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty), new InvalidDataException(message))
    {
        ErrorStack = stack ?? H5ErrorStack.Empty;
        ObjectPath = objectPath;
    }

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }

    /// <summary>The path of the object whose metadata or data is corrupt ("/g/ints"), when the failure was about one
    /// object; null when the file as a whole cannot be opened.</summary>
    public string? ObjectPath { get; }
}

/// <summary>A file or link already exists where a new one was to be created (h5py: <c>FileExistsError</c>/<c>ValueError</c>).</summary>
public sealed class H5AlreadyExistsException : IOException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5AlreadyExistsException(string message, H5ErrorStack? stack = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty)) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>The stored datatype cannot be read or written as the requested .NET type (h5py: <c>TypeError</c>).</summary>
public sealed class H5TypeMismatchException : InvalidCastException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5TypeMismatchException(string message, H5ErrorStack? stack = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty)) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>A selection lies outside the dataspace, or a buffer's shape does not match it.</summary>
public sealed class H5SelectionException : ArgumentOutOfRangeException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5SelectionException(string message, H5ErrorStack? stack = null)
        : base(null, H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty)) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>A dataset needs a filter that is neither built in nor found as a plugin.</summary>
public sealed class H5FilterNotAvailableException : H5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5FilterNotAvailableException(int filterId, string? filterName, string message, H5ErrorStack? stack = null) : base(message, stack)
    {
        FilterId = filterId;
        FilterName = filterName;
    }

    /// <summary>The registered id of the missing filter, as the dataset's filter pipeline (or the filter asked for) gives it.</summary>
    public int FilterId { get; }

    /// <summary>The filter's name ("lzf", "zfp", ...), as the file or libhdf5 names it.</summary>
    public string? FilterName { get; }
}

/// <summary>A write was attempted on a file opened read-only (h5py: <c>ValueError</c>/<c>OSError</c> "no write intent").</summary>
public sealed class H5ReadOnlyFileException : NotSupportedException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5ReadOnlyFileException(string message, H5ErrorStack? stack = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty)) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>A remote file could not be reached or read: the host is unreachable, the connection failed or timed
/// out, or the server refused the request. The message names the URL and the cause.</summary>
public sealed class H5RemoteAccessException : IOException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5RemoteAccessException(string message, H5ErrorStack? stack = null, Exception? inner = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty), inner) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>How a file made libhdf5 fail in untrusted mode.</summary>
public enum H5UnsafeFileReason
{
    /// <summary>libhdf5 crashed (the child process was ended by a signal or an access violation).</summary>
    Crashed,
    /// <summary>libhdf5 stopped making progress for <see cref="H5UntrustedOptions.HangTimeout"/> (an endless loop).</summary>
    Hung,
    /// <summary>Reading did not finish within <see cref="H5UntrustedOptions.TimeLimit"/>.</summary>
    TimeLimitExceeded,
}

/// <summary>A file so corrupt that libhdf5 crashed or hung while reading it. Raised in untrusted mode
/// (<see cref="H5UntrustedFile"/>, <c>h5m</c>), where the reading happens in a child process, so the calling process lives
/// on. <see cref="H5InvalidFileException.ObjectPath"/> names the object being read when it happened, when known.</summary>
public sealed class H5UnsafeFileException : H5InvalidFileException
{
    /// <summary>Creates the exception.</summary>
    public H5UnsafeFileException(string message, H5UnsafeFileReason reason, string filePath, string? lastStep, int? exitCode, string? objectPath)
        : base(message, null, objectPath)
    {
        Reason = reason;
        FilePath = filePath;
        LastStep = lastStep;
        ExitCode = exitCode;
    }

    /// <summary>Crashed, hung, or out of time.</summary>
    public H5UnsafeFileReason Reason { get; }

    /// <summary>The file that was being read.</summary>
    public string FilePath { get; }

    /// <summary>What the child was doing last ("reading dataset '/g/ints'"), when it said.</summary>
    public string? LastStep { get; }

    /// <summary>The child's exit code for a crash (on Linux and macOS, 128 + the signal number); null when it was stopped.</summary>
    public int? ExitCode { get; }
}

/// <summary>An operation that single-writer/multiple-reader (SWMR) mode does not allow: creating or removing groups,
/// datasets, links or attributes while the file is in SWMR write mode, or starting SWMR writing on a file whose format
/// or state cannot support it. Raised before libhdf5 is called, so the file is unchanged.</summary>
public sealed class H5SwmrException : InvalidOperationException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5SwmrException(string message, H5ErrorStack? stack = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty)) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>A value was read from (or written to) a dataset or attribute with a null dataspace, which holds none
/// (h5py: <c>h5py.Empty</c>). Reading all elements of such an object gives an empty array instead.</summary>
public sealed class H5NullDataspaceException : InvalidOperationException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5NullDataspaceException(string message, H5ErrorStack? stack = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty)) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
}

/// <summary>A dataset cannot be viewed in place through a memory mapping: it is chunked, filtered, not allocated,
/// stored in another byte order or type than requested, or its file is open for writing. The message says which;
/// read it into memory instead (<c>Read</c>, which converts).</summary>
public sealed class H5MappingNotPossibleException : NotSupportedException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5MappingNotPossibleException(string message) : base(message) { }

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack => H5ErrorStack.Empty;
}

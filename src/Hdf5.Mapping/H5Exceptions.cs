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

/// <summary>The file is not HDF5, is truncated, or its structures are corrupt (h5py: <c>OSError</c>). It is an
/// <see cref="IOException"/> whose <see cref="Exception.InnerException"/> is an <see cref="InvalidDataException"/>
/// (which is sealed, so it cannot be the base class).</summary>
public sealed class H5InvalidFileException : IOException, IH5Exception
{
    /// <summary>Creates the exception.</summary>
    public H5InvalidFileException(string message, H5ErrorStack? stack = null)
        : base(H5ExceptionText.With(message, stack ?? H5ErrorStack.Empty), new InvalidDataException(message)) => ErrorStack = stack ?? H5ErrorStack.Empty;

    /// <inheritdoc/>
    public H5ErrorStack ErrorStack { get; }
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
    public H5FilterNotAvailableException(int filterId, string message, H5ErrorStack? stack = null) : base(message, stack) => FilterId = filterId;

    /// <summary>The registered id of the missing filter.</summary>
    public int FilterId { get; }
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

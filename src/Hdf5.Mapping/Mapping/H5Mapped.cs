namespace Hdf5.Mapping;

/// <summary>
/// A mapped object read from a file that stays open: the live view that generated <c>Open(path)</c> returns.
/// Lazy members (<see cref="H5Dataset{T}"/> properties) read from the file for as long as the view lives; writable
/// views save changed members back with <see cref="Save"/>. Dispose it to close the file and every lazy member.
/// </summary>
/// <typeparam name="T">The mapped [H5File] type.</typeparam>
public sealed class H5Mapped<T> : IDisposable where T : class
{
    private readonly Action<T, H5Group>? _write;

    /// <summary>Creates the view (generated code calls this).</summary>
    /// <param name="file">The open file; the view owns it.</param>
    /// <param name="value">The object read from it.</param>
    /// <param name="write">How to write the object into a group, for <see cref="Save"/>.</param>
    public H5Mapped(H5File file, T value, Action<T, H5Group>? write)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        _write = write;
    }

    /// <summary>The open file.</summary>
    public H5File File { get; }

    /// <summary>The mapped object.</summary>
    public T Value { get; }

    /// <summary>Writes the object's members back into the file (opened writable), replacing what the mapping stores,
    /// and flushes. Objects in the file that the mapping does not know are kept. A save that fails (a member that
    /// cannot be written, a required member that is null) leaves every link and attribute of the file as it was:
    /// what it replaces is set aside until the whole save has succeeded.</summary>
    /// <exception cref="H5ReadOnlyFileException">The view was opened read-only.</exception>
    public void Save()
    {
        if (File.Mode == H5FileMode.ReadOnly)
            throw new H5ReadOnlyFileException($"'{File.Filename}' was opened read-only: open it with writable: true to save.");
        var write = _write ?? throw new InvalidOperationException($"This view of '{File.Filename}' was created without a writer: it cannot save.");
        File.ChangeAtomically(() => write(Value, File));
        File.Flush();
    }

    /// <summary>Closes the file (and with it the lazy members).</summary>
    public void Dispose() => File.Dispose();
}

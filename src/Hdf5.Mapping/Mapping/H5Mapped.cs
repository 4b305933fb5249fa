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
    private readonly Func<T, H5Group, bool>? _refresh;

    /// <summary>Creates the view (generated code calls this).</summary>
    /// <param name="file">The open file; the view owns it.</param>
    /// <param name="value">The object read from it.</param>
    /// <param name="write">How to write the object into a group, for <see cref="Save"/>.</param>
    public H5Mapped(H5File file, T value, Action<T, H5Group>? write) : this(file, value, write, null) { }

    /// <summary>Creates a view that can follow a SWMR writer (generated <c>OpenSwmrReader</c> calls this).</summary>
    /// <param name="file">The open file; the view owns it.</param>
    /// <param name="value">The object read from it.</param>
    /// <param name="write">How to write the object into a group, for <see cref="Save"/>.</param>
    /// <param name="refresh">How to grow the object's unlimited members with rows appended since, for <see cref="Refresh"/>.</param>
    public H5Mapped(H5File file, T value, Action<T, H5Group>? write, Func<T, H5Group, bool>? refresh)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        _write = write;
        _refresh = refresh;
    }

    /// <summary>The open file.</summary>
    public H5File File { get; }

    /// <summary>The mapped object.</summary>
    public T Value { get; }

    /// <summary>Writes the object's members back into the file (opened writable), replacing what the mapping stores,
    /// and flushes. Objects in the file that the mapping does not know are kept.</summary>
    /// <exception cref="H5ReadOnlyFileException">The view was opened read-only.</exception>
    public void Save()
    {
        if (File.Mode == H5FileMode.ReadOnly)
            throw new H5ReadOnlyFileException($"{File} was opened read-only: open it with writable: true to save.");
        _write!(Value, File);
        File.Flush();
    }

    /// <summary>Grows the members whose first dimension is unlimited with the rows a SWMR writer has flushed since they were
    /// read (h5py: <c>ds.refresh()</c> on each), reading only the new rows; lazy members are refreshed too. Returns whether
    /// any member grew.</summary>
    /// <exception cref="NotSupportedException">The view was not opened with the generated <c>OpenSwmrReader</c>.</exception>
    public bool Refresh()
    {
        if (_refresh is null)
            throw new NotSupportedException($"This view of {File} cannot refresh: open it with the generated OpenSwmrReader(path) of {typeof(T).Name}.");
        return _refresh(Value, File);
    }

    /// <summary>Closes the file (and with it the lazy members).</summary>
    public void Dispose() => File.Dispose();
}

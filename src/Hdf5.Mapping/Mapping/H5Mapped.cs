namespace Hdf5.Mapping;

/// <summary>
/// A mapped object read from a file that stays open: the live view that generated <c>Open(path)</c> returns.
/// Lazy members (<see cref="H5Dataset{T}"/> properties) read from the file for as long as the view lives; writable
/// views save changed members back with <see cref="Save"/>, in place. Dispose it to close the file and every lazy member.
/// </summary>
/// <typeparam name="T">The mapped [H5File] type.</typeparam>
public sealed class H5Mapped<T> : IDisposable where T : class
{
    private readonly Action<T, H5Group, H5MappingContext>? _write;
    private readonly Func<T, H5Group, bool>? _refresh;
    private H5MappingContext _context;

    /// <summary>Creates the view (generated code calls this).</summary>
    /// <param name="file">The open file; the view owns it.</param>
    /// <param name="value">The object read from it.</param>
    /// <param name="context">The context it was read with (what <see cref="Save"/> compares with).</param>
    /// <param name="write">How to write the object into a group through a context, for <see cref="Save"/>.</param>
    /// <param name="refresh">How to grow the object's unlimited members with rows appended since, for <see cref="Refresh"/>.</param>
    public H5Mapped(H5File file, T value, H5MappingContext context, Action<T, H5Group, H5MappingContext>? write, Func<T, H5Group, bool>? refresh = null)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        Value = value ?? throw new ArgumentNullException(nameof(value));
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _write = write;
        _refresh = refresh;
    }

    /// <summary>The open file.</summary>
    public H5File File { get; }

    /// <summary>The mapped object.</summary>
    public T Value { get; }

    /// <summary>Writes the members that changed back into the file (opened writable), in place, and flushes: an unchanged
    /// dataset is not written, a changed one is written into the existing dataset, rows added to an unlimited dataset are
    /// appended, and a member set to null is removed. A dataset is recreated only when it cannot hold its new value (a
    /// new shape beyond its maximum, another type); it keeps its attributes and scale attachments. Objects in the file
    /// that the mapping does not know are kept, with their attachments to mapped scales.</summary>
    /// <exception cref="H5ReadOnlyFileException">The view was opened read-only.</exception>
    public void Save()
    {
        if (File.Mode == H5FileMode.ReadOnly)
            throw new H5ReadOnlyFileException($"{File} was opened read-only: open it with writable: true to save.");
        if (_write is null) throw new NotSupportedException($"This view of {File} cannot save: open it with the generated Open(path, writable: true) of {typeof(T).Name}.");
        var update = _context.ForUpdate();
        _write(Value, File, update);
        update.Complete();
        File.Flush();
        _context = update; // what was just written is what the next save compares with
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
    public void Dispose()
    {
        _context.CloseLazyMembers(typeof(T).Name, "the view of its file was disposed");
        File.Dispose();
    }
}

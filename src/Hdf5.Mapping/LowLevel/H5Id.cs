using System.Runtime.InteropServices;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.LowLevel;

/// <summary>
/// An HDF5 identifier (<c>hid_t</c>) owned by a <see cref="SafeHandle"/>: it is closed with the C close function
/// of its kind on <see cref="SafeHandle.Dispose()"/> or, if the user forgot, by the finalizer. Passing a disposed
/// id to a binding raises <see cref="ObjectDisposedException"/> before libhdf5 is reached. This is the .NET twin of
/// h5py's <c>ObjectID</c> (what <c>.id</c> returns).
/// </summary>
public abstract class H5Id : SafeHandle
{
    /// <summary>Wraps <paramref name="value"/>; when <paramref name="ownsHandle"/> is false the id is never closed
    /// by this wrapper (library constants such as <c>H5P_DEFAULT</c> or <c>H5T_NATIVE_DOUBLE</c>).</summary>
    protected H5Id(long value, bool ownsHandle) : base(-1, ownsHandle) => SetHandle((nint)value);

    /// <summary>The raw <c>hid_t</c>. Throws <see cref="ObjectDisposedException"/> once closed.</summary>
    public long Value
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle < 0;

    /// <summary>True while the id is open and libhdf5 still knows it (<c>H5Iis_valid</c>).</summary>
    public bool IsValid
    {
        get
        {
            if (IsClosed || IsInvalid) return false;
            using var scope = H5Library.Enter();
            return H5I.IsValid(handle) > 0;
        }
    }

    /// <summary>The kind of object libhdf5 says this id names (<c>H5Iget_type</c>).</summary>
    public H5I.Type Kind
    {
        get
        {
            using var scope = H5Library.Enter();
            return H5I.GetType(this);
        }
    }

    /// <summary>The C close function of this kind of id (<c>H5Fclose</c>, <c>H5Dclose</c>, ...).</summary>
    private protected abstract int CloseNative(long id);

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        // After the shut-down that precedes MPI_Finalize, libhdf5 has closed every id already.
        if (H5Library.IsShutDown) return true;
        // May run on the finalizer thread: enter the library there too so a failing close prints nothing.
        using var scope = H5Library.Enter();
        return CloseNative(handle) >= 0;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name}({(IsClosed ? "closed" : handle.ToString(System.Globalization.CultureInfo.InvariantCulture))})";
}

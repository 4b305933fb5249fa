using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// Files that live in memory: opened from a byte image and saved back to bytes or a stream (libhdf5's file
// image support: H5Pset_file_image with the core driver; h5py: File(io.BytesIO(...)) / driver="core").
public sealed partial class H5File
{
    /// <summary>Opens an HDF5 file image held in memory. libhdf5 copies the image once, so
    /// <paramref name="image"/> may be reused afterwards. With <see cref="H5FileMode.ReadWrite"/> changes stay in
    /// memory; get them with <see cref="GetImage"/> or <see cref="SaveTo"/>.</summary>
    /// <exception cref="H5InvalidFileException">The bytes are not an HDF5 file.</exception>
    public static unsafe H5File OpenImage(ReadOnlySpan<byte> image, H5FileMode mode = H5FileMode.ReadOnly, string name = "image.h5")
    {
        if (mode is not (H5FileMode.ReadOnly or H5FileMode.ReadWrite))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "A file image is opened read-only or read/write.");
        if (image.IsEmpty) throw new H5InvalidFileException("The file image is empty: not an HDF5 file.");
        H5FilePaths.Validate(name, nameof(name));
        using var scope = H5Library.Enter();
        using var fapl = new H5FileOptions { InMemory = true, BackingStore = false }.CreateAccessList();
        fixed (byte* p = image)
            H5Call.Check(H5P.SetFileImage(fapl, p, (nuint)image.Length), "setting the file image");
        var id = H5F.Open(name, mode == H5FileMode.ReadOnly ? H5F.AccRdonly : H5F.AccRdwr, fapl);
        if (id < 0) H5Call.Throw("Opening an in-memory file image");
        return new H5File(new FileId(id), mode, name);
    }

    /// <summary>Opens an HDF5 file image held in a byte array.</summary>
    public static H5File OpenImage(byte[] image, H5FileMode mode = H5FileMode.ReadOnly, string name = "image.h5")
    {
        ArgumentNullException.ThrowIfNull(image);
        return OpenImage(image.AsSpan(), mode, name);
    }

    /// <summary>Opens an HDF5 file image held in memory.</summary>
    public static H5File OpenImage(ReadOnlyMemory<byte> image, H5FileMode mode = H5FileMode.ReadOnly, string name = "image.h5") =>
        OpenImage(image.Span, mode, name);

    /// <summary>Reads <paramref name="stream"/> to its end and opens the bytes as an HDF5 file (h5py: <c>File(io.BytesIO(...))</c>).</summary>
    public static H5File OpenStream(Stream stream, H5FileMode mode = H5FileMode.ReadOnly, string name = "stream.h5")
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is MemoryStream ms && ms.TryGetBuffer(out var segment))
            return OpenImage(segment.AsSpan((int)ms.Position), mode, name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return OpenImage(copy.GetBuffer().AsSpan(0, (int)copy.Length), mode, name);
    }

    /// <summary>Writes the file's current bytes to <paramref name="stream"/> (works for in-memory and on-disk files).</summary>
    public void SaveTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(GetImage());
    }
}

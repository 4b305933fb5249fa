using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// The user block: bytes at the start of the file that libhdf5 skips (the superblock follows it), reserved at creation
// with H5Pset_userblock (h5py: File(..., userblock_size=N)) for an application's own header.
public sealed partial class H5File
{
    /// <summary>The size of the user block in bytes, 0 when there is none (<c>H5Pget_userblock</c>; h5py: <c>f.userblock_size</c>).</summary>
    public long UserBlockSize
    {
        get
        {
            using var scope = H5Library.Enter();
            using var fcpl = new PropertyListId(H5Call.Check(H5F.GetCreatePlist(Id), "reading the file creation properties"));
            H5Call.Check(H5P.GetUserblock(fcpl, out var size), "reading the user block size");
            return (long)size;
        }
    }

    /// <summary>Reads the user block of the closed file at <paramref name="path"/> (h5py users read it with
    /// <c>open(path, "rb").read(f.userblock_size)</c> after closing the file); empty when the file has none.</summary>
    /// <exception cref="H5FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="H5InvalidFileException">The file is not HDF5.</exception>
    public static byte[] ReadUserBlock(string path)
    {
        var size = UserBlockSizeOf(path);
        var block = new byte[size];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.ReadExactly(block);
        return block;
    }

    /// <summary>Writes <paramref name="content"/> at the start of the user block of the closed file at
    /// <paramref name="path"/>; the rest of the block is left as it is. libhdf5 never reads these bytes.</summary>
    /// <exception cref="ArgumentException">The file has no user block, or <paramref name="content"/> is larger than it.</exception>
    public static void WriteUserBlock(string path, ReadOnlySpan<byte> content)
    {
        var size = UserBlockSizeOf(path);
        if (content.Length > size)
            throw new ArgumentException(size == 0
                ? $"'{path}' has no user block: create the file with H5FileOptions.UserBlockSize to reserve one."
                : $"{content.Length} bytes do not fit in the {size}-byte user block of '{path}'.", nameof(content));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.Write(content);
    }

    private static long UserBlockSizeOf(string path)
    {
        using var f = Open(path, H5FileMode.ReadOnly);
        return f.UserBlockSize;
    }
}

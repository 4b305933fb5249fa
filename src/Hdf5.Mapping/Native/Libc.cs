using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Native;

/// <summary>The few operating-system calls .NET does not expose: durable writes open a directory to <c>fsync</c> it
/// (POSIX) and rename with write-through (Windows); native read buffers ask for transparent huge pages.</summary>
internal static partial class Libc
{
    /// <summary><c>open(2)</c>.</summary>
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    /// <summary><c>fsync(2)</c>.</summary>
    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    /// <summary><c>close(2)</c>.</summary>
    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary><c>madvise(2)</c>.</summary>
    [LibraryImport("libc", EntryPoint = "madvise")]
    public static unsafe partial int Madvise(void* address, nuint length, int advice);

    /// <summary><c>MADV_HUGEPAGE</c> (Linux).</summary>
    public const int MadvHugePage = 14;

    /// <summary><c>O_RDONLY</c>: enough to open a directory for <c>fsync</c> on Linux and macOS.</summary>
    public const int ReadOnly = 0;
}

/// <summary>The Windows call durable writes need.</summary>
internal static partial class Kernel32
{
    /// <summary><c>MoveFileExW</c>.</summary>
    [LibraryImport("kernel32", EntryPoint = "MoveFileExW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool MoveFileEx(string existingFileName, string newFileName, int flags);

    /// <summary><c>MOVEFILE_REPLACE_EXISTING</c>.</summary>
    public const int ReplaceExisting = 0x1;

    /// <summary><c>MOVEFILE_WRITE_THROUGH</c>: returns only once the rename is on disk.</summary>
    public const int WriteThrough = 0x8;
}

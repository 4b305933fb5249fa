using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Mpi.Native;

namespace Hdf5.Mapping.Mpi;

/// <summary>
/// The MPI library of the process: the very libmpi the parallel libhdf5 was linked with (found among the libraries
/// already loaded with it, so both speak to one MPI), and the addresses of Open MPI's predefined objects
/// (<c>MPI_COMM_WORLD</c> is <c>&amp;ompi_mpi_comm_world</c>, <c>MPI_INFO_NULL</c> is <c>&amp;ompi_mpi_info_null</c>, ...).
/// Only Open MPI's ABI is bound: MPICH and its derivatives use integer handles, which these bindings do not read.
/// </summary>
internal static class MpiLibrary
{
    /// <summary>Environment variable naming the libmpi to use (when the one libhdf5 loaded is not found by name).</summary>
    public const string LibraryVariable = "HDF5_MAPPING_LIBMPI";

    private static readonly object s_lock = new();
    private static IntPtr s_handle;

    /// <summary><c>MPI_COMM_WORLD</c>.</summary>
    public static nint CommWorld => Export("ompi_mpi_comm_world");
    /// <summary><c>MPI_COMM_SELF</c>.</summary>
    public static nint CommSelf => Export("ompi_mpi_comm_self");
    /// <summary><c>MPI_COMM_NULL</c>.</summary>
    public static nint CommNull => Export("ompi_mpi_comm_null");
    /// <summary><c>MPI_INFO_NULL</c>.</summary>
    public static nint InfoNull => Export("ompi_mpi_info_null");
    /// <summary><c>MPI_INT64_T</c>.</summary>
    public static nint Int64 => Export("ompi_mpi_int64_t");
    /// <summary><c>MPI_BYTE</c>.</summary>
    public static nint Byte => Export("ompi_mpi_byte");
    /// <summary><c>MPI_MAX</c>.</summary>
    public static nint OpMax => Export("ompi_mpi_op_max");
    /// <summary><c>MPI_MIN</c>.</summary>
    public static nint OpMin => Export("ompi_mpi_op_min");
    /// <summary><c>MPI_SUM</c>.</summary>
    public static nint OpSum => Export("ompi_mpi_op_sum");

    /// <summary>Finds and loads libmpi (once); the resolver calls it for <see cref="Hdf5.Mapping.Native.Libraries.Mpi"/>.</summary>
    public static IntPtr Load()
    {
        lock (s_lock)
        {
            if (s_handle != IntPtr.Zero) return s_handle;
            if (!H5Library.IsParallel)
                throw new H5ParallelUnavailableException("MPI");
            var handle = Find();
            if (!NativeLibrary.TryGetExport(handle, "ompi_mpi_comm_world", out _))
                throw new H5ParallelUnavailableException(
                    "The parallel libhdf5 is linked with an MPI that is not Open MPI; Hdf5.Mapping binds Open MPI's handles only " +
                    "(Debian/Ubuntu: apt-get install libhdf5-openmpi-dev openmpi-bin).", unavailable: false);
            return s_handle = handle;
        }
    }

    private static IntPtr Find()
    {
        var named = Environment.GetEnvironmentVariable(LibraryVariable);
        if (!string.IsNullOrEmpty(named))
        {
            if (NativeLibrary.TryLoad(named, out var h)) return Global(named, h);
            throw new DllNotFoundException($"{LibraryVariable} is set to '{named}', but that file could not be loaded as libmpi.");
        }
        var names = OperatingSystem.IsMacOS() ? new[] { "libmpi.40.dylib", "libmpi.dylib" } : ["libmpi.so.40", "libmpi.so"];
        // First the libmpi already loaded as libhdf5's dependency, so both use one MPI; then any.
        foreach (var name in names)
            if (OperatingSystem.IsLinux() && LoadedAlready(name) is var loaded && loaded != IntPtr.Zero) return loaded;
        foreach (var name in names)
            if (NativeLibrary.TryLoad(name, out var h)) return Global(name, h);
        throw new DllNotFoundException($"The MPI library of the parallel libhdf5 (libmpi) could not be found. Tried: {string.Join(", ", names)}. " +
            $"Set {LibraryVariable} to its full path.");
    }

    // RTLD_NOLOAD finds a library only if it is loaded; RTLD_GLOBAL makes its symbols visible to the MCA components
    // Open MPI loads later, which expect libmpi's symbols to be global (as mpi4py also arranges).
    private static IntPtr LoadedAlready(string name)
    {
        const int RTLD_LAZY = 0x1, RTLD_NOLOAD = 0x4, RTLD_GLOBAL = 0x100;
        try
        {
            return H5LibraryResolver.Dl.Open(name, RTLD_LAZY | RTLD_NOLOAD | RTLD_GLOBAL);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return IntPtr.Zero;
        }
    }

    private static IntPtr Global(string name, IntPtr handle) => H5LibraryResolver.Promote(name, handle, promote: true);

    private static nint Export(string name) => NativeLibrary.GetExport(Load(), name);

    /// <summary>Throws <see cref="H5ParallelException"/> for an MPI error code, with MPI's text for it.</summary>
    public static unsafe void Check(int code, string what)
    {
        if (code == MPI.Success) return;
        var text = stackalloc byte[MPI.MaxErrorString + 1];
        var described = MPI.ErrorString(code, text, out var length) == MPI.Success
            ? System.Text.Encoding.UTF8.GetString(text, Math.Clamp(length, 0, MPI.MaxErrorString))
            : $"error {code}";
        throw new H5ParallelException($"{what} failed in MPI: {described}.");
    }
}

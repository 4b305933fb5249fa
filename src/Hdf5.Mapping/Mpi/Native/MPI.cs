using System.Runtime.InteropServices;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.Mpi.Native;

/// <summary>
/// Bindings to the few functions of <c>mpi.h</c> that parallel HDF5 needs from .NET: start and stop MPI, a
/// communicator's rank and size, and the small collectives that keep ranks in agreement. Handles (<c>MPI_Comm</c>,
/// <c>MPI_Info</c>, <c>MPI_Datatype</c>, <c>MPI_Op</c>) are pointer-sized: in Open MPI each is the address of a C
/// object (<c>MPI_COMM_WORLD</c> is <c>&amp;ompi_mpi_comm_world</c>), which <see cref="MpiLibrary"/> reads from the
/// library's exports. Naming as in <c>Hdf5.Mapping.Native</c>: <c>MPI_Comm_rank</c> is <see cref="CommRank"/>.
/// </summary>
public static unsafe partial class MPI
{
    /// <summary><c>MPI_SUCCESS</c></summary>
    public const int Success = 0;

    /// <summary><c>MPI_THREAD_SERIALIZED</c>: several threads may call MPI, never two at once.</summary>
    public const int ThreadSerialized = 2;

    /// <summary><c>MPI_MAX_ERROR_STRING</c> in Open MPI (256).</summary>
    public const int MaxErrorString = 256;

    /// <summary><c>MPI_Init_thread</c> (argc and argv may be null since MPI-2).</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Init_thread")]
    public static partial int InitThread(int* argc, byte*** argv, int required, out int provided);

    /// <summary><c>MPI_Initialized</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Initialized")]
    public static partial int Initialized(out int flag);

    /// <summary><c>MPI_Finalized</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Finalized")]
    public static partial int Finalized(out int flag);

    /// <summary><c>MPI_Finalize</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Finalize")]
    public static partial int Finalize();

    /// <summary><c>MPI_Abort</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Abort")]
    public static partial int Abort(nint comm, int errorcode);

    /// <summary><c>MPI_Error_string</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Error_string")]
    public static partial int ErrorString(int errorcode, byte* text, out int resultlen);

    /// <summary><c>MPI_Comm_rank</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Comm_rank")]
    public static partial int CommRank(nint comm, out int rank);

    /// <summary><c>MPI_Comm_size</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Comm_size")]
    public static partial int CommSize(nint comm, out int size);

    /// <summary><c>MPI_Comm_split</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Comm_split")]
    public static partial int CommSplit(nint comm, int color, int key, out nint newcomm);

    /// <summary><c>MPI_Comm_free</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Comm_free")]
    public static partial int CommFree(ref nint comm);

    /// <summary><c>MPI_Barrier</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Barrier")]
    public static partial int Barrier(nint comm);

    /// <summary><c>MPI_Bcast</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Bcast")]
    public static partial int Bcast(void* buffer, int count, nint datatype, int root, nint comm);

    /// <summary><c>MPI_Allreduce</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Allreduce")]
    public static partial int Allreduce(void* sendbuf, void* recvbuf, int count, nint datatype, nint op, nint comm);

    /// <summary><c>MPI_Allgather</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Allgather")]
    public static partial int Allgather(void* sendbuf, int sendcount, nint sendtype, void* recvbuf, int recvcount, nint recvtype, nint comm);

    /// <summary><c>MPI_Info_create</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Info_create")]
    public static partial int InfoCreate(out nint info);

    /// <summary><c>MPI_Info_set</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Info_set", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int InfoSet(nint info, string key, string value);

    /// <summary><c>MPI_Info_get</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Info_get", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int InfoGet(nint info, string key, int valuelen, byte* value, out int flag);

    /// <summary><c>MPI_Info_free</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Info_free")]
    public static partial int InfoFree(ref nint info);
}

public static unsafe partial class MPI
{
    /// <summary><c>MPI_MAX_INFO_KEY</c> in Open MPI (36).</summary>
    public const int MaxInfoKey = 36;

    /// <summary><c>MPI_MAX_INFO_VAL</c> in Open MPI (256).</summary>
    public const int MaxInfoVal = 256;

    /// <summary><c>MPI_Info_get_nkeys</c>.</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Info_get_nkeys")]
    public static partial int InfoGetNkeys(nint info, out int nkeys);

    /// <summary><c>MPI_Info_get_nthkey</c> (<paramref name="key"/> holds at least <see cref="MaxInfoKey"/> + 1 bytes).</summary>
    [LibraryImport(Libraries.Mpi, EntryPoint = "MPI_Info_get_nthkey")]
    public static partial int InfoGetNthkey(nint info, int n, byte* key);
}

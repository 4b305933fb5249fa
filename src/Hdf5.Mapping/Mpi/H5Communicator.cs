using System.Text;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Mpi.Native;

namespace Hdf5.Mapping.Mpi;

/// <summary>
/// An MPI communicator: the group of processes (ranks) that open a file together (mpi4py's <c>MPI.Comm</c>, which
/// h5py takes as <c>File(..., driver="mpio", comm=...)</c>). <see cref="World"/> is every rank started by
/// <c>mpirun</c>; <see cref="FromHandle"/> wraps an <c>MPI_Comm</c> obtained from other MPI bindings. Start MPI first
/// with <see cref="H5Mpi.Initialize"/> (or your own <c>MPI_Init</c>).
/// </summary>
public sealed class H5Communicator : IDisposable
{
    private nint _handle;
    private readonly bool _owned;

    private H5Communicator(nint handle, bool owned)
    {
        _handle = handle;
        _owned = owned;
        using var scope = H5Library.Enter();
        MpiLibrary.Check(MPI.CommRank(handle, out var rank), "MPI_Comm_rank");
        MpiLibrary.Check(MPI.CommSize(handle, out var size), "MPI_Comm_size");
        Rank = rank;
        Size = size;
    }

    /// <summary><c>MPI_COMM_WORLD</c>: every rank of the job.</summary>
    public static H5Communicator World => s_world ??= new H5Communicator(Predefined(() => MpiLibrary.CommWorld), owned: false);
    private static H5Communicator? s_world;

    /// <summary><c>MPI_COMM_SELF</c>: this rank alone (a parallel file opened by one process).</summary>
    public static H5Communicator Self => s_self ??= new H5Communicator(Predefined(() => MpiLibrary.CommSelf), owned: false);
    private static H5Communicator? s_self;

    /// <summary>Wraps an <c>MPI_Comm</c> from other MPI bindings (in Open MPI, the <c>ompi_communicator_t*</c> it is);
    /// the caller keeps ownership and must keep it alive while files use it.</summary>
    public static H5Communicator FromHandle(nint handle)
    {
        H5Mpi.RequireRunning("H5Communicator.FromHandle");
        return new H5Communicator(handle, owned: false);
    }

    /// <summary>The <c>MPI_Comm</c> handle, for other MPI bindings.</summary>
    public nint Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle == 0, this);
            return _handle;
        }
    }

    /// <summary>This process's rank in the communicator (<c>MPI_Comm_rank</c>).</summary>
    public int Rank { get; }

    /// <summary>The number of ranks (<c>MPI_Comm_size</c>).</summary>
    public int Size { get; }

    /// <summary>Splits the communicator (<c>MPI_Comm_split</c>, collective): ranks giving the same
    /// <paramref name="color"/> form one new communicator, ordered by <paramref name="key"/>. Dispose it when done.</summary>
    public H5Communicator Split(int color, int key)
    {
        using var scope = H5Library.Enter();
        MpiLibrary.Check(MPI.CommSplit(Handle, color, key, out var split), "MPI_Comm_split");
        return new H5Communicator(split, owned: true);
    }

    /// <summary>Waits until every rank has called it (<c>MPI_Barrier</c>).</summary>
    public void Barrier()
    {
        using var scope = H5Library.Enter();
        MpiLibrary.Check(MPI.Barrier(Handle), "MPI_Barrier");
    }

    /// <summary>Every rank's <paramref name="value"/>, in rank order (<c>MPI_Allgather</c>, collective).</summary>
    public unsafe long[] AllGather(long value)
    {
        var all = new long[Size];
        using var scope = H5Library.Enter();
        fixed (long* p = all)
            MpiLibrary.Check(MPI.Allgather(&value, 1, MpiLibrary.Int64, p, 1, MpiLibrary.Int64, Handle), "MPI_Allgather");
        return all;
    }

    /// <summary>The largest <paramref name="value"/> of all ranks (<c>MPI_Allreduce</c> with <c>MPI_MAX</c>, collective).</summary>
    public long Max(long value) => Reduce(value, MpiLibrary.OpMax);

    /// <summary>The smallest <paramref name="value"/> of all ranks (<c>MPI_Allreduce</c> with <c>MPI_MIN</c>, collective).</summary>
    public long Min(long value) => Reduce(value, MpiLibrary.OpMin);

    /// <summary>The sum of <paramref name="value"/> over all ranks (<c>MPI_Allreduce</c> with <c>MPI_SUM</c>, collective).</summary>
    public long Sum(long value) => Reduce(value, MpiLibrary.OpSum);

    private unsafe long Reduce(long value, nint op)
    {
        long result;
        using var scope = H5Library.Enter();
        MpiLibrary.Check(MPI.Allreduce(&value, &result, 1, MpiLibrary.Int64, op, Handle), "MPI_Allreduce");
        return result;
    }

    /// <summary>Rank <paramref name="root"/>'s text on every rank (<c>MPI_Bcast</c>, collective); the others' argument is ignored.</summary>
    public unsafe string Broadcast(string? text, int root = 0)
    {
        var bytes = Rank == root ? Encoding.UTF8.GetBytes(text ?? "") : [];
        long length = bytes.Length;
        using var scope = H5Library.Enter();
        MpiLibrary.Check(MPI.Bcast(&length, 1, MpiLibrary.Int64, root, Handle), "MPI_Bcast");
        if (Rank != root) bytes = new byte[length];
        fixed (byte* p = bytes)
            if (length > 0) MpiLibrary.Check(MPI.Bcast(p, checked((int)length), MpiLibrary.Byte, root, Handle), "MPI_Bcast");
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Ends the whole job at once (<c>MPI_Abort</c>): for a rank that cannot go on and must not leave the
    /// others waiting in a collective call.</summary>
    public void Abort(int errorCode)
    {
        using var scope = H5Library.Enter();
        MPI.Abort(Handle, errorCode);
    }

    /// <summary>Frees a communicator made by <see cref="Split"/> (<c>MPI_Comm_free</c>, collective); others are not freed.</summary>
    public void Dispose()
    {
        if (!_owned || _handle == 0) return;
        using var scope = H5Library.Enter();
        var h = _handle;
        MPI.CommFree(ref h);
        _handle = 0;
    }

    private static nint Predefined(Func<nint> read)
    {
        H5Mpi.RequireRunning("H5Communicator");
        return read();
    }

    /// <inheritdoc/>
    public override string ToString() => $"H5Communicator(rank {Rank} of {Size})";
}

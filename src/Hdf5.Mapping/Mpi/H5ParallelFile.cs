using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping.Mpi;

/// <summary>What a file opened with MPI-IO keeps: its parallel options and the collective transfer list its datasets
/// share (created once, closed with the file).</summary>
internal sealed class H5ParallelFile : IDisposable
{
    private PropertyListId? _collective;

    private H5ParallelFile(H5ParallelOptions options) => Options = options;

    public static H5ParallelFile? For(H5ParallelOptions? options) => options is null ? null : new H5ParallelFile(options.Clone());

    public H5ParallelOptions Options { get; }

    /// <summary>Writes libhdf5 cannot make over MPI-IO (region references live in the file's global heap, which libhdf5
    /// 1.10 writes from one process only), made by rank 0 alone once every rank has closed the file.</summary>
    public List<Action<H5File>> AfterClose { get; } = [];

    /// <summary>The rank that writes the data every rank holds alike (<see cref="H5Dataset.WritingRank"/> of the datasets
    /// that set none), while a generated parallel write makes its unpartitioned members; null otherwise.</summary>
    public int? SharedDataWriter { get; set; }

    /// <summary>A transfer list with <c>H5FD_MPIO_COLLECTIVE</c>, and the conversion checks of every transfer
    /// (<see cref="H5ConversionGuard.TransferList"/>, of which it is a copy).</summary>
    public PropertyListId CollectiveTransfer
    {
        get
        {
            if (_collective is { } list) return list;
            list = new PropertyListId(H5Call.Check(H5P.Copy(H5ConversionGuard.TransferList), "creating a transfer list"));
            H5Call.Check(H5P.SetDxplMpio(list, H5P.MpioXfer.Collective), "setting collective transfers");
            return _collective = list;
        }
    }

    public void Dispose() => _collective?.Dispose();
}

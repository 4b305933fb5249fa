namespace Hdf5.Mapping.Mpi;

/// <summary>How a dataset's reads and writes move data between the ranks of a parallel file and the disk
/// (<c>H5Pset_dxpl_mpio</c>).</summary>
public enum H5Transfer
{
    /// <summary>Each rank reads and writes on its own (<c>H5FD_MPIO_INDEPENDENT</c>, libhdf5's and h5py's default): a
    /// rank may transfer while the others do not. Filtered datasets cannot be written this way.</summary>
    Independent = 0,

    /// <summary>Every rank takes part in every transfer (<c>H5FD_MPIO_COLLECTIVE</c>; h5py: <c>with ds.collective:</c>),
    /// so MPI-IO can merge the ranks' pieces into large requests; a rank with nothing to transfer still makes the call
    /// (this library does that for it when its selection is empty). Needed to write chunked datasets with filters.</summary>
    Collective = 1,
}

/// <summary>
/// Opening a file with MPI-IO from every rank of a communicator (h5py: <c>File(path, mode, driver="mpio", comm=comm)</c>):
/// set <see cref="H5FileOptions.Parallel"/>, or call <see cref="H5File.Open(string, H5Communicator, H5FileMode, H5FileOptions?)"/>.
/// Every rank must open, create objects, write attributes, resize and close in the same order with the same arguments
/// (libhdf5's rule for metadata); data transfers follow <see cref="Transfer"/>.
/// </summary>
public sealed class H5ParallelOptions
{
    /// <summary>Options for files opened by every rank of <paramref name="communicator"/>.</summary>
    public H5ParallelOptions(H5Communicator communicator)
    {
        ArgumentNullException.ThrowIfNull(communicator);
        Communicator = communicator;
    }

    /// <summary>The ranks that open the file together (<c>H5Pset_fapl_mpio</c>'s communicator).</summary>
    public H5Communicator Communicator { get; }

    /// <summary>The transfer mode datasets of the file start with (each dataset's <see cref="H5Dataset.Transfer"/> can
    /// change it). <see cref="H5Transfer.Independent"/> by default, as in libhdf5 and h5py.</summary>
    public H5Transfer Transfer { get; set; } = H5Transfer.Independent;

    /// <summary>Metadata reads are made by every rank together (<c>H5Pset_all_coll_metadata_ops</c>): one rank reads,
    /// the others receive, instead of every rank reading the same bytes — much less load on a parallel file system with
    /// many ranks. Every rank must then make every metadata read (open, list, read attributes) in the same order.</summary>
    public bool CollectiveMetadataReads { get; set; }

    /// <summary>Metadata is written with collective MPI-IO (<c>H5Pset_coll_metadata_write</c>) instead of by rank 0 alone.</summary>
    public bool CollectiveMetadataWrites { get; set; }

    /// <summary>MPI-IO hints (<c>MPI_Info</c> keys and values, passed to <c>H5Pset_fapl_mpio</c>), for example ROMIO's
    /// collective buffering (<c>romio_cb_write = enable</c>, <c>cb_nodes</c>, <c>cb_buffer_size</c>) or Lustre striping
    /// (<c>striping_factor</c>, <c>striping_unit</c>). Unknown keys are ignored by MPI.</summary>
    public IDictionary<string, string> Hints { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    internal H5ParallelOptions Clone() => CloneFor(Communicator);

    internal H5ParallelOptions CloneFor(H5Communicator communicator)
    {
        var copy = new H5ParallelOptions(communicator)
        {
            Transfer = Transfer,
            CollectiveMetadataReads = CollectiveMetadataReads,
            CollectiveMetadataWrites = CollectiveMetadataWrites,
        };
        foreach (var (k, v) in Hints) copy.Hints[k] = v;
        return copy;
    }
}

using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;
using Hdf5.Mapping.Mpi;

namespace Hdf5.Mapping;

// Transfers in files opened with MPI-IO: independent or collective, and a rank whose read or write fails before it
// reaches libhdf5 still takes part in a collective transfer (with nothing), so the others are not left waiting.
public sealed partial class H5Dataset
{
    private H5Transfer? _transfer;      // null: the file's default (H5ParallelOptions.Transfer)
    private int? _writingRank;          // null: every rank writes its own selection (or the file's shared-data writer)
    private int _nativeTransfers;       // H5Dread/H5Dwrite calls made for this object, counted for TransferScope
    private bool? _filtered;
    private bool? _globalHeap;

    /// <summary>
    /// How reads and writes of this dataset move data when the file was opened with an MPI communicator
    /// (<c>H5Pset_dxpl_mpio</c>): <see cref="H5Transfer.Independent"/> or <see cref="H5Transfer.Collective"/> (h5py:
    /// <c>with ds.collective:</c>). Starts as <see cref="H5ParallelOptions.Transfer"/>; always independent in a file
    /// opened by one process. With collective transfers every rank must make each read or write call (a rank without
    /// rows selects nothing); a rank whose call fails before libhdf5 is reached (a selection outside the dataset, a
    /// buffer of the wrong size) first joins the transfer with an empty selection, then raises its exception, so the
    /// others complete theirs.
    /// </summary>
    /// <exception cref="InvalidOperationException">Collective transfers asked for in a file that is not parallel.</exception>
    public H5Transfer Transfer
    {
        get => _transfer ?? File.ParallelState?.Options.Transfer ?? H5Transfer.Independent;
        set
        {
            if (value == H5Transfer.Collective) File.RequireParallel("Collective transfers");
            _transfer = value;
        }
    }

    /// <summary>How libhdf5 carried out the last transfer made with a collective list (<c>H5Pget_mpio_actual_io_mode</c>;
    /// h5py has no equivalent): collective on contiguous storage, collective or independent per chunk, or not collective.</summary>
    public H5P.MpioActualIoMode LastCollectiveIoMode
    {
        get
        {
            using var scope = H5Library.Enter();
            File.RequireParallel("LastCollectiveIoMode");
            H5Call.Check(H5P.GetMpioActualIoMode(File.ParallelState!.CollectiveTransfer, out var mode), "reading the actual I/O mode");
            return mode;
        }
    }

    /// <summary>
    /// In a file opened with an MPI communicator, the one rank whose values the writes of this dataset carry, for data that
    /// every rank holds alike (a coordinate axis, a table of constants): each rank still makes every write call — a
    /// collective transfer needs all of them, and each rank's checks run alike — but only this rank's selection reaches the
    /// file; the others take part with an empty one (independent transfers: they make no call to libhdf5). The bytes are
    /// written once instead of once per rank. Null (the default): every rank writes its own selection. h5py has no
    /// equivalent (<c>if comm.rank == 0: ds[...] = data</c> with independent transfers).
    /// </summary>
    /// <exception cref="InvalidOperationException">Set in a file that is not parallel.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Not a rank of the file's communicator.</exception>
    public int? WritingRank
    {
        get => _writingRank ?? File.ParallelState?.SharedDataWriter;
        set
        {
            if (value is { } rank)
            {
                File.RequireParallel("WritingRank");
                ArgumentOutOfRangeException.ThrowIfNegative(rank, nameof(value));
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, File.Communicator!.Size, nameof(value));
            }
            _writingRank = value;
        }
    }

    // True on the ranks whose writes of this dataset reach the file with nothing (another rank writes the shared values).
    private bool LeavesWritesToAnotherRank => File.ParallelState is { } parallel && WritingRank is { } writer && writer != parallel.Options.Communicator.Rank;

    private bool IsCollective => File.ParallelState is not null && Transfer == H5Transfer.Collective;

    internal PropertyListId TransferList()
    {
        _nativeTransfers++;
        return IsCollective ? File.ParallelState!.CollectiveTransfer : H5ConversionGuard.TransferList;
    }

    /// <summary>Enters the library for one read or write of this dataset (see <see cref="TransferScope"/>).</summary>
    internal TransferScope EnterTransfer(bool writing)
    {
        var scope = new TransferScope(this, writing, H5Library.Enter());
        if (writing && File.ParallelState is not null && !IsCollective && IsFiltered())
        {
            scope.Dispose();
            throw new InvalidOperationException($"Cannot write {What} independently: libhdf5 writes chunked datasets with filters in parallel " +
                "only collectively. Set ds.Transfer = H5Transfer.Collective (h5py: with ds.collective:) and make the write on every rank.");
        }
        return scope;
    }

    // In a collective transfer a selection that does not fit is reported by the read or write (after taking part).
    private H5DatasetSlice SliceOf(H5Selector[] selectors)
    {
        if (!IsCollective) return new H5DatasetSlice(this, H5Selection.Create(Shape, selectors, What));
        try
        {
            return new H5DatasetSlice(this, H5Selection.Create(Shape, selectors, What));
        }
        catch (H5SelectionException e)
        {
            return new H5DatasetSlice(this, e);
        }
    }

    private bool IsFiltered() => _filtered ??= Filters.Count > 0;

    /// <summary>
    /// One read or write of a dataset, from the first check to the native call. In a collective transfer, if it ends
    /// without having called <c>H5Dread</c>/<c>H5Dwrite</c> — it failed on this rank before, or it had nothing to
    /// transfer — it makes the call with an empty selection, as the other ranks' collective calls need.
    /// </summary>
    internal ref struct TransferScope
    {
        private readonly H5Dataset _dataset;
        private readonly bool _writing;
        private readonly int _mark;
        private readonly bool _collective;
        private H5Library.Scope _library;

        internal TransferScope(H5Dataset dataset, bool writing, H5Library.Scope library)
        {
            _dataset = dataset;
            _writing = writing;
            _library = library;
            _collective = dataset.IsCollective;
            _mark = dataset._nativeTransfers;
        }

        public void Dispose()
        {
            if (_collective && _dataset._nativeTransfers == _mark) _dataset.TakePartWithNothing(_writing);
            _library.Dispose();
            _library = default;
        }
    }

    // Runs while an exception may be propagating: nothing here may throw over it.
    private void TakePartWithNothing(bool writing)
    {
        // Every rank refuses such a write alike, before libhdf5: there is no collective call to take part in.
        if (writing && StoresGlobalHeapData) return;
        try
        {
            if (TransferNothing(writing, _io.FileType) < 0) H5ErrorStack.Capture(); // the stored type: no conversion to set up for no elements
        }
        catch (Exception e) when (e is H5Exception or ObjectDisposedException)
        {
            // The dataset could not even be queried: libhdf5 itself is failing; the original error is the one to report.
        }
    }

    // One read or write call selecting no element of the dataset: this rank's part of a collective transfer.
    private unsafe int TransferNothing(bool writing, DatatypeId type)
    {
        using var fileSpace = FileSpace();
        H5Call.Check(H5S.SelectNone(fileSpace));
        using var memSpace = H5Shape.CreateSpace([1]);
        H5Call.Check(H5S.SelectNone(memSpace));
        ulong nothing = 0;
        var list = TransferList();
        return writing
            ? H5D.Write(Id, type, memSpace, fileSpace, list, &nothing)
            : H5D.Read(Id, type, memSpace, fileSpace, list, &nothing);
    }

    // A write whose values another rank carries (WritingRank): the same collective call with nothing, or no call at all.
    private int WriteNothingForAnotherRank(DatatypeId memType) => IsCollective ? TransferNothing(writing: true, memType) : 0;

    /// <summary>Whether the stored type keeps its values in the file's global heap — variable-length strings or sequences,
    /// region references, at any depth — which libhdf5 does not write over MPI-IO.</summary>
    internal bool StoresGlobalHeapData
    {
        get
        {
            if (_globalHeap is { } known) return known;
            using var scope = H5Library.Enter();
            return (_globalHeap = InGlobalHeap(_io.FileDescriptor)).Value;
        }
    }

    private static bool InGlobalHeap(H5TypeDescriptor type) => type.HasVariableLengthData || type switch
    {
        H5ReferenceType reference => reference.Kind == H5ReferenceKind.DatasetRegion,
        H5CompoundType compound => compound.Members.Any(m => InGlobalHeap(m.Type)),
        H5ArrayType array => InGlobalHeap(array.BaseType),
        _ => false,
    };

    // libhdf5 refuses these writes in a parallel file with "Parallel IO does not support writing VL or region reference
    // datatypes yet" (the global heap has no parallel access); refused here first, naming the dataset and the way out.
    private void RefuseGlobalHeapWrite()
    {
        if (File.ParallelState is null || !StoresGlobalHeapData) return;
        throw new H5ParallelWriteUnsupportedException(
            $"Cannot write {What} in a file opened with MPI-IO: it stores {_io.FileDescriptor}, whose values libhdf5 keeps in the file's " +
            "global heap, and libhdf5 writes neither variable-length data nor region references over MPI-IO (its global heap has no " +
            "parallel access). Create the dataset on every rank, close the file, then write it from one process (rank 0: " +
            "H5File.Open(path, H5FileMode.ReadWrite)); a generated Write(path, communicator) does this for its members.");
    }
}

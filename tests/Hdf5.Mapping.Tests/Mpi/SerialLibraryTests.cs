using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Mpi;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mpi;

/// <summary>The test process runs on a serial libhdf5 (Debian's, or the 1.14.5 build): every MPI feature says what to
/// install and how to select the parallel library, and nothing of it changes a serial file.</summary>
public sealed class SerialLibraryTests : H5TestBase
{
    public SerialLibraryTests() => H5Library.EnsureInitialized(); // the serial library is loaded before anything below

    [Fact]
    public void MpiFeaturesOnASerialLibhdf5_RaiseNamingWhatToInstallAndHowToSelectIt()
    {
        Assert.False(H5Library.IsParallel);
        Assert.False(H5Mpi.IsRunning);
        foreach (var attempt in new Action[] { () => H5Mpi.Initialize(), () => _ = H5Communicator.World, () => H5Communicator.FromHandle(1) })
        {
            var e = Assert.Throws<H5ParallelUnavailableException>(attempt);
            Assert.Contains("needs a parallel (MPI) libhdf5, but the loaded one is serial", e.Message);
            Assert.Contains("apt-get install libhdf5-openmpi-dev openmpi-bin", e.Message);
            Assert.Contains("H5Library.UseParallel()", e.Message);
            Assert.Contains("libhdf5_openmpi.so.103", e.Message);
        }
    }

    [Fact]
    public void SelectingTheParallelLibraryAfterTheSerialOneWasLoaded_IsRefused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => H5Library.UseParallel());
        Assert.Contains("A serial libhdf5", e.Message);
        Assert.Contains("before any other HDF5 call", e.Message);
    }

    [Fact]
    public void AFileOpenedByOneProcess_HasNoCommunicator_AndRefusesCollectiveTransfersAndAWritingRank()
    {
        var path = Files.NewPath();
        using var f = H5File.Create(path);
        using var ds = f.CreateDataset<double>("x", [4]);
        Assert.False(f.IsParallel);
        Assert.Null(f.Communicator);
        Assert.Equal(H5Transfer.Independent, ds.Transfer);
        var e = Assert.Throws<InvalidOperationException>(() => ds.Transfer = H5Transfer.Collective);
        Assert.Contains("files opened with an MPI communicator", e.Message);
        Assert.Throws<InvalidOperationException>(() => f.MpiHints);
        Assert.Null(ds.WritingRank);
        Assert.Contains("WritingRank applies to files opened with an MPI communicator", Assert.Throws<InvalidOperationException>(() => ds.WritingRank = 0).Message);
        ds.WritingRank = null; // allowed: every writer writes its own values, as in any serial file
        ds.Transfer = H5Transfer.Independent; // allowed: it is what a serial file does
        ds.Write<double>([1, 2, 3, 4]);
        Assert.Equal([1.0, 2, 3, 4], ds.Read<double>());
    }

    [Theory]
    [InlineData(103, 4, new long[] { 0, 25, 51, 77, 103 })]
    [InlineData(2, 4, new long[] { 0, 0, 1, 1, 2 })]
    [InlineData(100, 3, new long[] { 0, 33, 66, 100 })]
    [InlineData(0, 2, new long[] { 0, 0, 0 })]
    public void EvenPartitions_AreContiguousBlocksInRankOrder(long total, int size, long[] bounds)
    {
        for (int r = 0; r < size; r++)
        {
            var p = H5RowPartition.Even(total, r, size);
            Assert.Equal(new H5RowPartition(bounds[r], bounds[r + 1] - bounds[r], total), p);
            Assert.Equal(bounds[r + 1], p.End);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => H5RowPartition.Even(total, size, size));
    }
}

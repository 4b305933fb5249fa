using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Core;

public sealed class HyperslabReaderTests : H5TestBase
{
    // h5py writes each dataset as arange reshaped, so element (i, j, ...) is its row-major index (times a factor).
    private string H5pyFile(string datasets, int userBlock = 0)
    {
        var path = Files.NewPath();
        Peers.RunPython($$"""
            import sys
            with h5py.File(sys.argv[1], 'w', userblock_size={{userBlock}}) as f:
            {{datasets}}
            """, path);
        return path;
    }

    private static (long, long)[] Positions(int n, long rows, long columns, long width)
    {
        var random = new Random(11);
        return Enumerable.Range(0, n).Select(_ => (random.NextInt64(rows), random.NextInt64(columns - width + 1))).ToArray();
    }

    [Fact]
    public void RowsOfContiguousLittleEndianDoubles_AreReadDirectly_WithH5pysValues()
    {
        var path = H5pyFile("    f['d'] = numpy.arange(200 * 300, dtype='<f8').reshape(200, 300) * 0.5");
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("d");
        using var reader = ds.CreateReader<double>(1, 37);
        Assert.True(reader.IsDirect, reader.FallbackReason);
        Assert.Null(reader.FallbackReason);
        var row = new double[37];
        foreach (var (r, c) in Positions(500, 200, 300, 37))
        {
            reader.Read([r, c], row);
            for (int k = 0; k < 37; k++) Assert.Equal((r * 300 + c + k) * 0.5, row[k]);
        }
        reader.Read([199, 263], row);
        Assert.Equal((199 * 300 + 299) * 0.5, row[36]);
    }

    [Fact]
    public void BlocksOfThreeDimensions_SpanningFullOrPartialTrailingDimensions_HoldTheRightElements()
    {
        var path = H5pyFile("    f['c'] = numpy.arange(4 * 5 * 6, dtype='<i4').reshape(4, 5, 6)");
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("c");
        foreach (var block in new long[][] { [2, 5, 6], [1, 3, 6], [2, 2, 3], [4, 1, 1], [1, 5, 2] })
        {
            using var reader = ds.CreateReader<int>(block);
            Assert.True(reader.IsDirect);
            var values = new int[reader.BlockLength];
            for (long a = 0; a + block[0] <= 4; a++)
                for (long b = 0; b + block[1] <= 5; b++)
                    for (long c = 0; c + block[2] <= 6; c++)
                    {
                        reader.Read([a, b, c], values);
                        int n = 0;
                        for (long i = 0; i < block[0]; i++) for (long j = 0; j < block[1]; j++) for (long k = 0; k < block[2]; k++)
                            Assert.Equal((a + i) * 30 + (b + j) * 6 + c + k, values[n++]);
                    }
        }
    }

    [Fact]
    public void BigEndianData_IsConvertedByLibhdf5_NeverReadAsRawBytes()
    {
        var path = H5pyFile("""
                f['be'] = (numpy.arange(50 * 64).reshape(50, 64) - 7.25).astype('>f8')  # arithmetic gives native order: convert last
                f['bi'] = (numpy.arange(50 * 64).reshape(50, 64) * -3).astype('>i4')
                assert f['be'].dtype.str == '>f8' and f['bi'].dtype.str == '>i4'
                f['narrow'] = numpy.arange(50 * 64, dtype='<i2').reshape(50, 64)
            """);
        using var f = H5File.Open(path);
        using (var ds = f.OpenDataset("be"))
        using (var reader = ds.CreateReader<double>(2, 10))
        {
            Assert.False(reader.IsDirect);
            Assert.Contains("byte order", reader.FallbackReason);
            var block = new double[20];
            reader.Read([48, 54], block);
            Assert.Equal(48 * 64 + 54 - 7.25, block[0]);
            Assert.Equal(49 * 64 + 63 - 7.25, block[19]);
        }
        using (var ds = f.OpenDataset("bi"))
        using (var reader = ds.CreateReader<int>(1, 64))
        {
            Assert.False(reader.IsDirect);
            var row = new int[64];
            reader.Read([3, 0], row);
            Assert.Equal(Enumerable.Range(3 * 64, 64).Select(i => i * -3), row);
        }
        using (var ds = f.OpenDataset("narrow"))
        using (var reader = ds.CreateReader<int>(1, 4))
        {
            Assert.False(reader.IsDirect); // int16 on disk widened to int32 in memory
            var row = new int[4];
            reader.Read([10, 60], row);
            Assert.Equal([700, 701, 702, 703], row);
        }
    }

    [Fact]
    public void FileWithAUserBlock_IsReadDirectlyAtTheOffsetPastTheUserBlock()
    {
        var path = H5pyFile("    f['d'] = numpy.arange(1000, dtype='<u8') * 3", userBlock: 1024);
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("d");
        using var reader = ds.CreateReader<ulong>(10);
        Assert.True(reader.IsDirect);
        var values = new ulong[10];
        reader.Read([990], values);
        Assert.Equal(Enumerable.Range(990, 10).Select(i => (ulong)i * 3), values);
    }

    [Fact]
    public void ChunkedCompressedUnallocatedAndWritableDatasets_GoThroughLibhdf5_WithTheRightValues()
    {
        var path = H5pyFile("""
                f.create_dataset('chunked', data=numpy.arange(4000, dtype='<f8').reshape(40, 100), chunks=(8, 25), compression='gzip')
                f.create_dataset('empty', shape=(10, 10), dtype='<i8', fillvalue=-9)
            """);
        using (var f = H5File.Open(path))
        {
            using (var ds = f.OpenDataset("chunked"))
            using (var reader = ds.CreateReader<double>(3, 30))
            {
                Assert.False(reader.IsDirect);
                var block = new double[90];
                reader.Read([37, 70], block);
                Assert.Equal(3770, block[0]);
                Assert.Equal(3999, block[89]);
            }
            using (var ds = f.OpenDataset("empty"))
            using (var reader = ds.CreateReader<long>(1, 10))
            {
                Assert.False(reader.IsDirect);
                Assert.Contains("not allocated", reader.FallbackReason);
                var row = new long[10];
                reader.Read([4, 0], row);
                Assert.All(row, v => Assert.Equal(-9, v));
            }
        }

        // Open for writing: libhdf5 may hold written elements the file does not show yet, so it serves every read.
        using (var f = H5File.Open(path, H5FileMode.ReadWrite))
        using (var ds = f.Add("fresh", Enumerable.Range(0, 100).Select(i => (double)i).ToArray()))
        using (var reader = ds.CreateReader<double>(5))
        {
            Assert.False(reader.IsDirect);
            Assert.Contains("writing", reader.FallbackReason);
            ds[10..15].Write(new double[] { -1, -2, -3, -4, -5 });
            var values = new double[5];
            reader.Read([10], values);
            Assert.Equal([-1, -2, -3, -4, -5], values);
        }
    }

    [Fact]
    public void ElementsRewrittenByAnotherProcessAfterOpening_AreSeenByTheNextDirectRead()
    {
        var path = H5pyFile("    f['d'] = numpy.zeros((100, 512), dtype='<f8')");
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("d");
        using var reader = ds.CreateReader<double>(1, 512);
        Assert.True(reader.IsDirect);
        var row = new double[512];
        reader.Read([42, 0], row);
        Assert.All(row, v => Assert.Equal(0, v));

        // Another process rewrites row 42 in place (file locking off: we hold the file open read-only).
        var (code, _, stderr) = Peers.Run(Peers.Python, ["-c", """
            import sys, h5py, numpy
            with h5py.File(sys.argv[1], 'r+') as f:
                f['d'][42, :] = numpy.arange(512) + 0.25
            """, path], new Dictionary<string, string> { ["HDF5_USE_FILE_LOCKING"] = "FALSE" });
        Assert.True(code == 0, stderr);
        reader.Read([42, 0], row);
        Assert.Equal(Enumerable.Range(0, 512).Select(i => i + 0.25), row);
    }

    [Fact]
    public void BadBlocksAndPositions_RaiseSpecificErrors_AndADisposedFileIsReported()
    {
        var path = H5pyFile("    f['d'] = numpy.arange(100, dtype='<f8').reshape(10, 10)");
        var f = H5File.Open(path);
        var ds = f.OpenDataset("d");
        Assert.Throws<ArgumentException>(() => ds.CreateReader<double>(1, 2, 3));
        Assert.Throws<H5SelectionException>(() => ds.CreateReader<double>(1, 11));
        var reader = ds.CreateReader<double>(2, 5);
        var block = new double[10];
        var outside = Assert.Throws<H5SelectionException>(() => reader.Read([9, 0], block));
        Assert.Contains("outside dataset '/d'", outside.Message);
        Assert.Throws<H5SelectionException>(() => reader.Read([0, -1], block));
        Assert.Throws<H5SelectionException>(() => reader.Read([0], block));
        Assert.Throws<ArgumentException>(() => reader.Read([0, 0], new double[9]));
        ds.Dispose();
        f.Dispose();
        Assert.Throws<ObjectDisposedException>(() => reader.Read([0, 0], block));
        reader.Dispose(); // lets the file close
        Assert.Throws<ObjectDisposedException>(() => reader.Read([0, 0], block));
    }
}

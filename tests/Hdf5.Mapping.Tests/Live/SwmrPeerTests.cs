using System.Globalization;
using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Live;

/// <summary>
/// SWMR between processes, both ways: h5py follows our writer, we follow h5py's. Each side checks every value. The two
/// sides meet once, early (the writer waits until the reader has seen its first rows), so the test proves that the
/// reader read while the writer was still appending without depending on timing; every wait is bounded.
/// </summary>
public sealed class SwmrPeerTests : H5TestBase
{
    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal const string H5pyFollower = """
        import json, time
        path, total = sys.argv[1], int(sys.argv[2])
        f = h5py.File(path, 'r', libver='latest', swmr=True)
        d = f['samples']
        print('open', flush=True)
        lengths, wrong, shrank, seen = [], 0, 0, 0
        deadline = time.monotonic() + 80
        while seen < total and time.monotonic() < deadline:
            d.refresh()
            n = d.shape[0]
            if n < seen:
                shrank += 1
            elif n > seen:
                v = d[seen:n]
                wrong += int((v != numpy.arange(seen, n, dtype='f8')).sum())
                seen = n
                lengths.append(n)
                if len(lengths) == 1:
                    print('saw', n, flush=True)
            time.sleep(0.005)
        print(json.dumps({'seen': seen, 'wrong': wrong, 'shrank': shrank, 'lengths': lengths}))
        """;

    [Fact]
    public void AnH5pyReader_FollowsOurSwmrWriter_SeeingGrowingLengthsAndExactlyTheValuesWritten()
    {
        const long total = 20_000;
        var path = Files.NewPath("live.h5");
        using var f = H5File.Create(path, options: H5FileOptions.ForSwmr());
        f.Attrs.Set("rate_hz", 1000.0);
        using var ds = f.CreateDataset<double>("samples", [0], new H5DatasetOptions { Chunks = [512], MaxShape = [H5Dataset.Unlimited] });
        f.StartSwmrWrite();

        using var reader = PeerProcess.Python(H5pyFollower, path, Invariant(total));
        reader.ReadUntil("open");
        long n = 0;
        void Append(int size)
        {
            var block = new double[size];
            for (int j = 0; j < size; j++) block[j] = n + j;
            ds.Append(block);
            ds.Flush();
            n += size;
        }
        Append(100);
        Assert.Equal(100, long.Parse(reader.ReadUntil("saw "), CultureInfo.InvariantCulture)); // h5py read while we go on writing
        for (int i = 0; n < total; i++)
        {
            Append((int)Math.Min(1 + i * 37 % 400, total - n));
            if (i % 8 == 0) Thread.Sleep(1); // give the reader a chance to see the file mid-stream
        }
        var report = JsonDocument.Parse(reader.WaitForSuccess().Trim().Split('\n')[^1]).RootElement;

        Assert.Equal(total, report.GetProperty("seen").GetInt64());
        Assert.Equal(0, report.GetProperty("wrong").GetInt64());
        Assert.Equal(0, report.GetProperty("shrank").GetInt64());
        var lengths = report.GetProperty("lengths").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Assert.Equal(100, lengths[0]);
        Assert.Equal(total, lengths[^1]);
        Assert.Equal(lengths.Order(), lengths);
    }

    private const string H5pyWriter = """
        import time
        path, total = sys.argv[1], int(sys.argv[2])
        f = h5py.File(path, 'w', libver='latest')
        f.attrs['rate_hz'] = 500.0
        d = f.create_dataset('samples', (0, 2), maxshape=(None, 2), chunks=(256, 2), dtype='f8')
        f.swmr_mode = True
        print('ready', flush=True)
        sys.stdin.readline()
        n, i = 0, 0
        while n < total:
            size = min(1 + (i * 53) % 300, total - n)
            d.resize((n + size, 2))
            k = numpy.arange(n, n + size, dtype='f8')
            d[n:n + size] = numpy.stack([k, -k], axis=1)
            d.flush()
            n, i = n + size, i + 1
            if i == 1:
                print('first', n, flush=True)
                sys.stdin.readline()
            time.sleep(0.001)
        print('done', n, flush=True)
        sys.stdin.readline()
        f.close()
        """;

    [Fact]
    public async Task OurReader_FollowsAnH5pySwmrWriter_YieldingExactlyTheRowsItAppends()
    {
        const long total = 15_000;
        var path = Files.NewPath("h5py-live.h5");
        using var writer = PeerProcess.Python(H5pyWriter, path, Invariant(total));
        writer.ReadUntil("ready");
        using var f = H5File.Open(path, options: new H5FileOptions { Swmr = true });
        Assert.True(f.SwmrMode);
        Assert.Equal(500.0, f.Attrs.Get<double>("rate_hz"));
        using var ds = f.OpenDataset("samples");
        writer.WriteLine("go");
        var first = long.Parse(writer.ReadUntil("first "), CultureInfo.InvariantCulture);

        long next = 0;
        var batches = 0;
        var acknowledged = false;
        using var deadline = new CancellationTokenSource(PeerProcess.Patience);
        try
        {
            await foreach (var rows in ds.FollowAsync<double>(TimeSpan.FromMilliseconds(10), cancellationToken: deadline.Token))
            {
                Assert.Equal(next, rows.Start);
                Assert.Equal([2L], rows.RowShape);
                Assert.Equal(rows.Count * 2, rows.Values.Length);
                for (long r = 0; r < rows.Count; r++)
                {
                    Assert.Equal(rows.Start + r, rows.Values[2 * r]);
                    Assert.Equal(-(rows.Start + r), rows.Values[2 * r + 1]);
                }
                next += rows.Count;
                batches++;
                if (!acknowledged && next >= first)
                {
                    Assert.Equal(first, next); // the writer waits here: nothing beyond its first append exists yet
                    writer.WriteLine("ack");
                    acknowledged = true;
                }
                if (next == total) break;
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Followed {next} of {total} rows before the deadline.");
        }
        Assert.Equal(total, long.Parse(writer.ReadUntil("done "), CultureInfo.InvariantCulture));
        writer.WriteLine("close");
        writer.WaitForSuccess();
        Assert.Equal(total, next);
        Assert.True(batches >= 2, $"{batches} batch(es): the rows after the writer's first append came in later batches");
    }

    private const string H5pyStepWriter = """
        path = sys.argv[1]
        f = h5py.File(path, 'w', libver='latest')
        d = f.create_dataset('rows', (0, 3), maxshape=(None, 3), chunks=(4, 3), dtype='i4', compression='gzip')
        f.swmr_mode = True
        print('ready', flush=True)
        sys.stdin.readline()
        n = 0
        for size in [1, 5, 0, 12, 3]:
            d.resize((n + size, 3))
            d[n:n + size] = numpy.arange(3 * n, 3 * (n + size), dtype='i4').reshape(size, 3)
            d.flush()
            n += size
            print('flushed', n, flush=True)
            sys.stdin.readline()
        f.close()
        """;

    [Fact]
    public void Refresh_ShowsEachExtentAnH5pyWriterFlushed_AndTheRowsBehindIt()
    {
        var path = Files.NewPath("steps.h5");
        using var writer = PeerProcess.Python(H5pyStepWriter, path);
        writer.ReadUntil("ready");
        using var f = H5File.Open(path, options: new H5FileOptions { Swmr = true });
        using var ds = f.OpenDataset<int>("rows");
        Assert.Equal([0L, 3], ds.Shape);
        writer.WriteLine("go");
        for (int step = 0; step < 5; step++)
        {
            var flushed = long.Parse(writer.ReadUntil("flushed "), CultureInfo.InvariantCulture);
            ds.Refresh();
            Assert.Equal([flushed, 3], ds.Shape);
            Assert.Equal(Enumerable.Range(0, (int)flushed * 3), ds.ReadAll());
            writer.WriteLine("next");
        }
        writer.WaitForSuccess();
    }
}

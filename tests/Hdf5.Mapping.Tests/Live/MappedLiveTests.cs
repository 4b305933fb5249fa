using System.Globalization;
using Hdf5.Mapping.LiveWriter;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Live;

/// <summary>Mapped types over live files: the generated SWMR writer appends to unlimited members, the generated SWMR
/// reader view grows them on Refresh; h5py is the other side each time.</summary>
public sealed class MappedLiveTests : H5TestBase
{
    [Fact]
    public void TheGeneratedSwmrWriter_AppendsToEveryUnlimitedMember_AsH5pyReadsThem()
    {
        var path = Files.NewPath("telemetry.h5");
        var initial = new Telemetry { RateHz = 250, Calibration = [1, 2], Samples = [0, 1], Frames = new float[,] { { 0, 1, 2 } }, Events = [0] };
        using (var writer = initial.CreateSwmrWriter(path))
        {
            Assert.True(writer.File.IsSwmrWriting);
            writer.AppendSamples([2, 3, 4]);
            writer.AppendFrames(new float[,] { { 3, 4, 5 }, { 6, 7, 8 } });
            writer.AppendFrames([9f, 10, 11]);
            writer.AppendEvents([1000, 2000]);
            writer.Flush();
            Assert.Throws<H5SelectionException>(() => writer.AppendFrames(new float[,] { { 1, 2 } }));
        }
        using (var writer = Telemetry.OpenSwmrWriter(path)) // an existing file: appending goes on
            writer.AppendSamples([5, 6]);

        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            print(json.dumps({'rate': float(f.attrs['rate_hz']), 'calibration': f['calibration'][()].tolist(),
                              'samples': f['samples'][()].tolist(), 'frames': f['frames'][()].tolist(),
                              'frames_compression': f['frames'].compression, 'events': f['events'][()].tolist(),
                              'maxshape': [f[n].maxshape[0] for n in ['samples', 'frames', 'events']]}))
            """, path);
        Assert.Equal(250, json.GetProperty("rate").GetDouble());
        Assert.Equal([1.0, 2], json.GetProperty("calibration").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([0.0, 1, 2, 3, 4, 5, 6], json.GetProperty("samples").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (double)i),
            json.GetProperty("frames").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(e => e.GetDouble()));
        Assert.Equal("gzip", json.GetProperty("frames_compression").GetString());
        Assert.Equal([0L, 1000, 2000], json.GetProperty("events").EnumerateArray().Select(e => e.GetInt64()));
        Assert.All(json.GetProperty("maxshape").EnumerateArray(), e => Assert.Equal(System.Text.Json.JsonValueKind.Null, e.ValueKind));
    }

    private const string H5pyTelemetryWriter = """
        path = sys.argv[1]
        f = h5py.File(path, 'w', libver='latest')
        f.attrs['rate_hz'] = 125.0
        f['calibration'] = numpy.array([0.5, 2.0])
        s = f.create_dataset('samples', (0,), maxshape=(None,), chunks=(256,), dtype='f8')
        fr = f.create_dataset('frames', (0, 3), maxshape=(None, 3), chunks=(32, 3), dtype='f4', compression='gzip')
        e = f.create_dataset('events', (0,), maxshape=(None,), chunks=(64,), dtype='i8')
        f.swmr_mode = True
        print('ready', flush=True)
        sys.stdin.readline()
        n = 0
        for i, size in enumerate([3, 40, 1, 300]):
            s.resize((n + size,)); s[n:] = numpy.arange(n, n + size)
            fr.resize((i + 1, 3)); fr[i] = [3 * i, 3 * i + 1, 3 * i + 2]
            e.resize((i + 1,)); e[i] = 1000 * i
            f.flush()
            n += size
            print('flushed', n, i + 1, flush=True)
            sys.stdin.readline()
        f.close()
        """;

    [Fact]
    public void TheGeneratedSwmrReader_GrowsUnlimitedMembersOnRefresh_AsAnH5pyWriterAppends()
    {
        var path = Files.NewPath("followed.h5");
        using var writer = PeerProcess.Python(H5pyTelemetryWriter, path);
        writer.ReadUntil("ready");
        using var view = Telemetry.OpenSwmrReader(path);
        var value = view.Value;
        Assert.Equal(125.0, value.RateHz);
        Assert.Empty(value.Samples);
        Assert.False(view.Refresh());
        writer.WriteLine("go");
        for (int step = 0; step < 4; step++)
        {
            var counts = writer.ReadUntil("flushed ").Split(' ').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            var events = value.Events; // a list grows in place
            Assert.True(view.Refresh());
            Assert.Same(events, value.Events);
            Assert.Equal(Enumerable.Range(0, (int)counts[0]).Select(k => (double)k), value.Samples);
            Assert.Equal(counts[1], value.Frames.GetLength(0));
            for (int r = 0; r < counts[1]; r++)
                for (int c = 0; c < 3; c++) Assert.Equal(Telemetry.FrameValue(r, c), value.Frames[r, c]);
            Assert.Equal(Enumerable.Range(0, (int)counts[1]).Select(i => 1000L * i), value.Events);
            Assert.Equal([0.5, 2.0], value.Calibration); // fixed members are left as read
            Assert.False(view.Refresh());                 // nothing new until the writer appends again
            writer.WriteLine("next");
        }
        writer.WaitForSuccess();
    }

    [Fact]
    public void AViewOpenedWithoutSwmr_CannotRefresh()
    {
        var path = Files.NewPath();
        new Telemetry { RateHz = 1 }.Write(path);
        using var view = Telemetry.Open(path);
        var e = Assert.Throws<NotSupportedException>(() => view.Refresh());
        Assert.Contains("OpenSwmrReader", e.Message);
    }
}

using System.Globalization;
using System.Text.Json;
using Hdf5.Mapping.LiveWriter;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Live;

/// <summary>A SWMR writer killed mid-stream (SIGKILL: no clean-up, no close) leaves a file that h5py and we open, with
/// every row it had flushed intact, checked value by value.</summary>
public sealed class KilledWriterTests : H5TestBase
{
    [Fact]
    public void ASwmrWriterKilledMidStream_LeavesEveryFlushedRowReadable()
    {
        var path = Files.NewPath("killed.h5");
        long[] flushed;
        using (var writer = PeerProcess.DotNet("Hdf5.Mapping.LiveWriter.dll", path))
        {
            writer.ReadUntil("ready");
            var line = "";
            for (int i = 0; i < 60; i++) line = writer.ReadUntil("flushed ");
            writer.KillHard(); // the writer goes on appending until here: the kill lands between two appends or inside one
            flushed = line.Split(' ').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        }

        // h5py opens it as a SWMR reader (a plain open refuses it until h5clear resets the writer's mark, as after any
        // crashed SWMR writer), and finds at least the flushed rows, every value as written.
        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r', libver='latest', swmr=True)
            s, fr, e = f['samples'][()], f['frames'][()], f['events'][()]
            r = numpy.arange(len(fr))
            print(json.dumps({'rate': float(f.attrs['rate_hz']), 'calibration': f['calibration'][()].tolist(),
                              'samples': len(s), 'samples_exact': bool((s == numpy.arange(len(s))).all()),
                              'frames': len(fr), 'frames_exact': bool((fr == numpy.stack([3 * r, 3 * r + 1, 3 * r + 2], axis=1)).all()),
                              'events': len(e), 'events_exact': bool((e == 1000 * numpy.arange(len(e))).all())}))
            """, path);
        Assert.Equal(1000, json.GetProperty("rate").GetDouble());
        Assert.Equal([0.5, 2.0], json.GetProperty("calibration").EnumerateArray().Select(e => e.GetDouble()));
        Assert.True(json.GetProperty("samples").GetInt64() >= flushed[0], $"h5py found {json.GetProperty("samples")} samples; {flushed[0]} were flushed");
        Assert.True(json.GetProperty("frames").GetInt64() >= flushed[1]);
        Assert.True(json.GetProperty("events").GetInt64() >= flushed[2]);
        Assert.True(json.GetProperty("samples_exact").GetBoolean());
        Assert.True(json.GetProperty("frames_exact").GetBoolean());
        Assert.True(json.GetProperty("events_exact").GetBoolean());

        // Our reader opens it the same way and agrees value by value.
        using var view = Telemetry.OpenSwmrReader(path);
        var t = view.Value;
        Assert.Equal(json.GetProperty("samples").GetInt64(), t.Samples.LongLength);
        for (long k = 0; k < t.Samples.LongLength; k++) Assert.Equal(k, t.Samples[k]);
        for (int r = 0; r < t.Frames.GetLength(0); r++)
            for (int c = 0; c < 3; c++) Assert.Equal(Telemetry.FrameValue(r, c), t.Frames[r, c]);
        Assert.Equal(Enumerable.Range(0, t.Events.Count).Select(i => 1000L * i), t.Events);
    }
}

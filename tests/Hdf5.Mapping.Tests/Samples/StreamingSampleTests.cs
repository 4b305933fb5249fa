using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;
using Hdf5.Mapping.Tests.Live;

namespace Hdf5.Mapping.Tests.Samples;

/// <summary>Runs the Streaming sample as a program: while it writes, the sample's own follower and an h5py SWMR reader
/// follow the file in two more processes, and each checks every sample.</summary>
public sealed class StreamingSampleTests : H5TestBase
{
    [Fact]
    public void TheStreamingSample_IsFollowedLiveByItsFollowerAndByH5py_EverySampleEqualToItsIndex()
    {
        var path = Files.NewPath("stream.h5");
        using var writer = PeerProcess.DotNet("Streaming.dll", path, "--seconds", "2", "--rate", "5000");
        Assert.StartsWith($"Writing {path} under SWMR", writer.ReadLine()); // printed once SWMR writing has started
        using var follower = PeerProcess.DotNet("Streaming.dll", "--follow", path, "--until", "10000", "--idle", "60");
        using var h5py = PeerProcess.Python(SwmrPeerTests.H5pyFollower, path, "10000");

        Assert.Contains("Wrote 10000 samples in", writer.WaitForSuccess());
        Assert.Contains("Followed 10000 samples, every sample equal to its index.", follower.WaitForSuccess());
        var report = JsonDocument.Parse(h5py.WaitForSuccess().Trim().Split('\n')[^1]).RootElement;
        Assert.Equal(10000, report.GetProperty("seen").GetInt64());
        Assert.Equal(0, report.GetProperty("wrong").GetInt64());
        Assert.Equal(0, report.GetProperty("shrank").GetInt64());

        var json = Peers.PythonJson("""
            import sys
            f = h5py.File(sys.argv[1], 'r')
            d = f['samples']
            print(json.dumps([float(f.attrs['rate_hz']), str(d.dtype), d.maxshape[0], bool((d[()] == numpy.arange(10000)).all())]))
            """, path);
        Assert.Equal(5000, json[0].GetDouble());
        Assert.Equal("float64", json[1].GetString());
        Assert.Equal(JsonValueKind.Null, json[2].ValueKind);
        Assert.True(json[3].GetBoolean());
    }

    [Fact]
    public void TheStreamingSample_RefusesAWrongCommandLine()
    {
        var (code, _, stderr) = Peers.Run("dotnet", ["exec", Path.Combine(AppContext.BaseDirectory, "Streaming.dll"), "--seconds"]);
        Assert.Equal(2, code);
        Assert.Contains("usage: Streaming", stderr);
    }
}

using System.Diagnostics;
using Hdf5.Mapping.AtomicWriter;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

/// <summary>A writer killed at random points never leaves a broken file: the target is always a complete version.</summary>
public sealed class AtomicWriteTests : H5TestBase
{
    [Fact]
    public void WriterKilledAtRandomPoints_LeavesACompleteFileEveryTime()
    {
        var path = Files.NewPath("snapshot.h5");
        var first = new Snapshot { Version = 1, Values = new double[4096, 1024] };
        first.Values[4095, 1023] = 1;
        first.Write(path);

        var writer = Path.Combine(AppContext.BaseDirectory, "Hdf5.Mapping.AtomicWriter.dll");
        var random = new Random(2026);
        var versions = new List<int>();
        for (int trial = 0; trial < 6; trial++)
        {
            using var p = Process.Start(new ProcessStartInfo("dotnet", ["exec", writer, path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            Thread.Sleep(random.Next(150, 1500)); // somewhere inside a write, most of the time
            p.Kill(entireProcessTree: true);
            p.WaitForExit();

            // Whatever the moment of the kill, the file is a whole version: readable, consistent, not older than before.
            var snapshot = Snapshot.Read(path);
            Assert.Equal(snapshot.Version, (int)snapshot.Values[4095, 1023]);
            versions.Add(snapshot.Version);
        }
        // The writer did replace the file, and kills did land in the middle of writes: their temporary files
        // (never the target) are left beside it.
        Assert.Contains(versions, v => v >= 2);
        var strays = Directory.GetFiles(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".*.tmp");
        Assert.NotEmpty(strays);
    }
}

using System.Diagnostics;
using System.Text.RegularExpressions;
using Hdf5.Mapping.AtomicWriter;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mapping;

/// <summary>A writer killed at random points never leaves a broken file: the target is always a complete version, and
/// the temporary files of killed writers are deleted by the next write, never those of a writer still running.</summary>
public sealed partial class AtomicWriteTests : H5TestBase
{
    private static readonly string Writer = Path.Combine(AppContext.BaseDirectory, "Hdf5.Mapping.AtomicWriter.dll");

    private static string[] Leftovers(string path) =>
        Directory.GetFiles(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + ".*.tmp");

    [Fact]
    public void WriterKilledAtRandomPoints_LeavesACompleteFileEveryTime_AndTheNextWriteCleansUp()
    {
        var path = Files.NewPath("snapshot.h5");
        var first = new Snapshot { Version = 1, Values = new double[4096, 1024] };
        first.Values[4095, 1023] = 1;
        first.Write(path);

        var random = new Random(2026);
        var versions = new List<int>();
        for (int trial = 0; trial < 4; trial++)
        {
            using var p = Process.Start(new ProcessStartInfo("dotnet", ["exec", Writer, path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            // Once the first version is written (a line on stdout), the writer goes on with the next: kill it at a random
            // moment while one of its temporary files is being written.
            Assert.NotNull(p.StandardOutput.ReadLine());
            Thread.Sleep(random.Next(0, 800));
            WaitUntilWriting(path, p.Id);
            p.Kill(entireProcessTree: true);
            p.WaitForExit();

            // Whatever the moment of the kill, the file is a whole version: readable, consistent, not older than before.
            var snapshot = Snapshot.Read(path);
            Assert.Equal(snapshot.Version, (int)snapshot.Values[4095, 1023]);
            Assert.True(snapshot.Version >= 2);
            versions.Add(snapshot.Version);
        }
        // Kills did land in the middle of writes: their temporary files (never the target) are left beside it...
        Assert.NotEmpty(Leftovers(path));
        Assert.Equal(Leftovers(path).Order(), H5AtomicFile.FindLeftovers(path).Order());
        // ...until the next write of the same target deletes them, their writers being gone.
        new Snapshot { Version = 100, Values = new double[2, 2] }.Write(path);
        Assert.Empty(Leftovers(path));
        Assert.Equal(100, Snapshot.Read(path).Version);
    }

    [Fact]
    public void ASwmrBuilderKilledWhileBuilding_LeavesTheTargetAsItWas_AndTheNextBuildCleansUp()
    {
        var path = Files.NewPath("live.h5");
        new Snapshot { Version = 1, Values = new double[1, 1] }.Write(path);
        var bytes = File.ReadAllBytes(path);
        int pid;
        using (var builder = PeerProcess.DotNet("Hdf5.Mapping.AtomicWriter.dll", path, "swmr"))
        {
            builder.ReadUntil("building");
            pid = builder.Id;
            builder.KillHard();
        }
        // The half-built file is left beside the target under the atomic writer's kind of name, with the killed pid...
        var leftover = Assert.Single(Leftovers(path));
        Assert.Equal(pid.ToString(System.Globalization.CultureInfo.InvariantCulture), TemporaryName().Match(Path.GetFileName(leftover)).Groups["pid"].Value);
        Assert.Equal([leftover], H5AtomicFile.FindLeftovers(path));
        Assert.Equal(bytes, File.ReadAllBytes(path));
        // ...until the next build of the same target deletes it, its builder being gone.
        using (var file = H5File.CreateForSwmrWrite(path, f => f.Add("values", new double[] { 1, 2 }).Dispose()))
            Assert.True(file.IsSwmrWriting);
        Assert.Empty(Leftovers(path));
        Assert.Equal([path], Directory.GetFiles(Files.Folder));
    }

    // Waits (bounded) until the writer `pid` has a temporary file beside `path`: between two versions it has none.
    private static void WaitUntilWriting(string path, int pid)
    {
        var clock = Stopwatch.StartNew();
        while (!Leftovers(path).Any(f => Path.GetFileName(f).Contains($".{pid}.", StringComparison.Ordinal)))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"writer {pid} never started a write");
            Thread.Sleep(5);
        }
    }

    [GeneratedRegex(@"^\.(?<target>.+)\.(?<host>[0-9a-f]{8})\.(?<pid>[0-9]+)\.[0-9a-f]{12}\.tmp$")]
    private static partial Regex TemporaryName();

    [Fact]
    public void TheTemporaryFileOfAWriterStillRunning_IsKept_AndOtherFilesAreNeverTouched()
    {
        var path = Files.NewPath("kept.h5");
        new Snapshot { Version = 1, Values = new double[1, 1] }.Write(path);

        // A leftover of this machine's form, whose "writer" is a process that runs until we stop it.
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "60"))!;
        var host = HostTagOfThisMachine(path);
        var live = Path.Combine(Files.Folder, $".{Path.GetFileName(path)}.{host}.{sleeper.Id}.0123456789ab.tmp");
        File.WriteAllText(live, "in progress");
        // Files that only look alike: another target, another machine, not our form at all.
        var others = new[]
        {
            Path.Combine(Files.Folder, $".other.h5.{host}.999999.0123456789ab.tmp"),
            Path.Combine(Files.Folder, $".{Path.GetFileName(path)}.00000000.999999.0123456789ab.tmp"),
            Path.Combine(Files.Folder, $".{Path.GetFileName(path)}.tmp"),
        };
        foreach (var o in others) File.WriteAllText(o, "not ours to delete");

        new Snapshot { Version = 2, Values = new double[1, 1] }.Write(path);
        Assert.True(File.Exists(live));
        Assert.All(others, o => Assert.True(File.Exists(o)));

        sleeper.Kill();
        sleeper.WaitForExit();
        Assert.Equal([live], H5AtomicFile.FindLeftovers(path));
        new Snapshot { Version = 3, Values = new double[1, 1] }.Write(path, durable: true);
        Assert.False(File.Exists(live));
        Assert.All(others, o => Assert.True(File.Exists(o)));
        Assert.Equal(3, Snapshot.Read(path).Version);
    }

    // The host part of this machine's temporary names, read off one made by a writer killed mid-write.
    private static string HostTagOfThisMachine(string path)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            using var p = Process.Start(new ProcessStartInfo("dotnet", ["exec", Writer, path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            Assert.NotNull(p.StandardOutput.ReadLine());
            Thread.Sleep(200);
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            foreach (var leftover in Leftovers(path))
            {
                var m = TemporaryName().Match(Path.GetFileName(leftover));
                File.Delete(leftover);
                if (m.Success) return m.Groups["host"].Value;
            }
        }
        throw new InvalidOperationException("no writer was ever killed in the middle of a write");
    }
}

using System.Diagnostics;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Errors;

/// <summary>
/// Untrusted mode against files that crash and hang libhdf5 itself. They are made here by the corpus's seeded mutation:
/// with Debian's libhdf5 1.10.8 the seeds below make it crash (SIGSEGV) or loop forever reading the mutants, and h5py
/// crashes or hangs on the same files; libhdf5 1.14.5 reads the crash seeds without crashing (no seed of 0..5000 of
/// either base crashes it) but loops forever on its hang seeds. This process survives, and each is reported as an
/// H5UnsafeFileException.
/// </summary>
public sealed class UntrustedModeTests : H5TestBase
{
    // Found by running the corpus mutator over seeds 0..2000 in child processes.
    private static readonly ulong[] ClassicCrashSeeds = [318, 909, 1133];
    private static readonly ulong[] LatestCrashSeeds = [53, 689, 722];
    // 26 hangs 1.10.8 in the global heap; 481 hangs both 1.10.8 and 1.14.5, and so does classic seed 2868.
    private const ulong ClassicHangSeed = 2868;
    private static bool OnLibhdf5_1_10
    {
        get
        {
            H5Library.EnsureInitialized();
            return H5Library.Version.Major == 1 && H5Library.Version.Minor == 10;
        }
    }

    private static ulong LatestHangSeed => OnLibhdf5_1_10 ? 26UL : 481UL;

    private List<string> Mutants(string script, IEnumerable<ulong> seeds)
    {
        var bytes = CorruptFiles.Base(script, Files.NewPath("base.h5"));
        return seeds.Select(s =>
        {
            var path = Files.NewPath($"mutant-{s}.h5");
            File.WriteAllBytes(path, SeededMutation.Mutate(bytes, s));
            return path;
        }).ToList();
    }

    private static readonly string Tool = Path.Combine(AppContext.BaseDirectory, "h5m.dll");

    private static (int Code, string Stdout, string Stderr) H5m(params string[] args) =>
        Peers.Run("dotnet", ["exec", Tool, .. args], timeout: TimeSpan.FromMinutes(2));

    [Fact]
    public void FilesThatCrashLibhdf5_AreReportedAsUnsafe_NamingTheFileAndTheObject_AndThisProcessLivesOn()
    {
        var mutants = Mutants(CorruptFiles.ClassicScript, ClassicCrashSeeds).Concat(Mutants(CorruptFiles.LatestScript, LatestCrashSeeds)).ToList();
        var outcomes = H5UntrustedFile.CheckMany(mutants);

        var crashes = outcomes.Select(o => o.Failure).OfType<H5UnsafeFileException>().Where(u => u.Reason == H5UnsafeFileReason.Crashed).ToList();
        if (!OnLibhdf5_1_10)
        {
            // This libhdf5 survives these files: each still gets an outcome of its own (a report or an ordinary failure).
            Assert.Empty(crashes);
            Assert.Equal(mutants, outcomes.Select(o => o.Path));
            Assert.All(outcomes, o => Assert.True(o.Report is not null || o.Failure is H5InvalidFileException or H5FilterNotAvailableException, $"{o.Path}: {o.Failure}"));
            return;
        }
        Assert.True(crashes.Count >= 3, $"only {crashes.Count} of {mutants.Count} seeds still crash this libhdf5: " +
            string.Join("; ", outcomes.Select(o => $"{Path.GetFileName(o.Path)}: {o.Failure?.GetType().Name ?? "ok"}")));
        foreach (var crash in crashes)
        {
            Assert.StartsWith("The file is corrupt: libhdf5 crashed while reading " + crash.FilePath, crash.Message);
            Assert.Contains(crash.FilePath, mutants);
            Assert.NotNull(crash.LastStep);
            Assert.NotNull(crash.ObjectPath);
            Assert.Equal(139, crash.ExitCode); // 128 + SIGSEGV
        }
        // The seed-318 mutant crashes libhdf5 while it converts the variable-length strings of /strings.
        var first = (H5UnsafeFileException)outcomes[0].Failure!;
        Assert.Equal("/strings", first.ObjectPath);
        Assert.All(outcomes, o => Assert.True(o.Failure is H5InvalidFileException, $"{o.Path}: {o.Failure}"));

        // This process is unaffected: libhdf5 still works here.
        var good = Files.NewPath("good.h5");
        CorruptFiles.Base(CorruptFiles.ClassicScript, good);
        using var f = H5File.Open(good);
        Assert.Equal(5, f.Count);
    }

    [Fact]
    public void FilesThatHangLibhdf5_AreReportedAsHung_WithinTheHangTimeout()
    {
        var mutants = Mutants(CorruptFiles.LatestScript, [LatestHangSeed]).Concat(Mutants(CorruptFiles.ClassicScript, [ClassicHangSeed])).ToList();
        var clock = Stopwatch.StartNew();
        var outcomes = H5UntrustedFile.CheckMany(mutants, new H5UntrustedOptions { HangTimeout = TimeSpan.FromSeconds(3) });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"took {clock.Elapsed}");
        for (int i = 0; i < mutants.Count; i++)
        {
            // Each child really hung: it was stopped by the watch, not ended by a signal or an exit of its own.
            var e = Assert.IsType<H5UnsafeFileException>(outcomes[i].Failure);
            Assert.Equal(H5UnsafeFileReason.Hung, e.Reason);
            Assert.StartsWith("The file is corrupt: libhdf5 hung (no progress for 3 s) while reading " + mutants[i], e.Message);
            Assert.NotNull(e.ObjectPath);
            Assert.Null(e.ExitCode);
        }
        if (OnLibhdf5_1_10) Assert.Equal("/", ((H5InvalidFileException)outcomes[0].Failure!).ObjectPath); // it loops in the global heap, reading the root group's string attribute
    }

    [Fact]
    public void ATimeLimit_StopsACheckThatRunsTooLong()
    {
        var mutant = Mutants(CorruptFiles.LatestScript, [LatestHangSeed])[0];
        var e = Assert.Throws<H5UnsafeFileException>(() => H5UntrustedFile.Check(mutant,
            new H5UntrustedOptions { HangTimeout = TimeSpan.FromMinutes(5), TimeLimit = TimeSpan.FromSeconds(3) }));
        Assert.Equal(H5UnsafeFileReason.TimeLimitExceeded, e.Reason);
    }

    [Fact]
    public void AGoodFile_PassesTheCheck_ReportingWhatWasRead_AndOpens()
    {
        var path = Files.NewPath();
        CorruptFiles.Base(CorruptFiles.ClassicScript, path);
        var report = H5UntrustedFile.Check(path);
        // The script's objects: /, /g, /g/h; ints, chunked, strings, compound, fixed; title, version, code, scale; one soft link.
        Assert.Equal(3, report.Groups);
        Assert.Equal(5, report.Datasets);
        Assert.Equal(4, report.Attributes);
        Assert.Equal(1, report.SoftAndExternalLinks);
        Assert.Equal(100 + 4000 + 3 + 2 + 2, report.ElementsRead);
        var metadataOnly = H5UntrustedFile.Check(path, new H5UntrustedOptions { ReadData = false });
        Assert.Equal(0, metadataOnly.ElementsRead);
        using var f = H5UntrustedFile.Open(path);
        Assert.Equal(H5FileMode.ReadOnly, f.Mode);
        Assert.Equal("corpus", f.Attrs.GetString("title"));
    }

    [Fact]
    public void AnOrdinaryFailure_InTheChild_IsTheExceptionReadingInProcessGives_WithItsStack()
    {
        var path = Files.NewPath();
        var bytes = CorruptFiles.Base(CorruptFiles.ClassicScript, path);
        var chunk = CorruptFiles.BaseLayout(CorruptFiles.ClassicScript).GetProperty("/chunked").GetProperty("chunks")[0];
        bytes.AsSpan((int)chunk[0].GetInt64() + chunk[1].GetInt32() / 2, 8).Fill(0x55);
        File.WriteAllBytes(path, bytes);

        var isolated = Assert.Throws<H5InvalidFileException>(() => H5UntrustedFile.Check(path));
        H5InvalidFileException inProcess;
        using (var f = H5File.Open(path))
        using (var ds = f.OpenDataset("chunked"))
            inProcess = Assert.Throws<H5InvalidFileException>(() => ds.Read<double>());
        Assert.Equal("/chunked", isolated.ObjectPath);
        Assert.Equal(inProcess.ErrorStack.Select(r => r.ToString()), isolated.ErrorStack.Select(r => r.ToString()));
        Assert.Throws<H5FileNotFoundException>(() => H5UntrustedFile.Check(path + ".missing"));
    }

    [Fact]
    public void AProbeThatCannotStart_IsALibraryError_SayingWhy()
    {
        var path = Files.NewPath();
        CorruptFiles.Base(CorruptFiles.ClassicScript, path);
        var e = Assert.Throws<H5LibraryException>(() => H5UntrustedFile.Check(path,
            new H5UntrustedOptions { ProbeCommand = [Path.Combine(Files.Folder, "no-such-probe")] }));
        Assert.Contains("no-such-probe", e.Message);
    }

    [Fact]
    public void H5m_ReportsAFileThatCrashesLibhdf5_WithExitCode6_AndOneLine()
    {
        var crash = Mutants(CorruptFiles.ClassicScript, [ClassicCrashSeeds[0]])[0];
        var (code, _, stderr) = H5m("dump", crash);
        if (OnLibhdf5_1_10)
        {
            Assert.Equal(6, code);
            Assert.StartsWith($"h5m: The file is corrupt: libhdf5 crashed while reading {crash} (reading dataset '/strings'", stderr);
        }
        else Assert.NotEqual(6, code); // read without a crash: an ordinary outcome
        Assert.DoesNotContain("   at ", stderr);

        var hang = Mutants(CorruptFiles.LatestScript, [LatestHangSeed])[0];
        var (hangCode, _, hangError) = H5m("ls", "-v", hang, "--timeout", "3");
        Assert.Equal(6, hangCode);
        Assert.Contains("libhdf5 hung (no progress for 3 s)", hangError);
    }

    [Fact]
    public void H5m_InProcess_GivesTheSameOutput_AsTheDefaultChild()
    {
        var path = Files.NewPath();
        CorruptFiles.Base(CorruptFiles.ClassicScript, path);
        var isolated = H5m("ls", "-r", "-v", path);
        var direct = H5m("ls", "-r", "-v", "--in-process", path);
        Assert.Equal(0, isolated.Code);
        Assert.Equal(direct, isolated);
        Assert.Contains("strings  string (variable length, UTF-8) (3)", isolated.Stdout);
    }
}

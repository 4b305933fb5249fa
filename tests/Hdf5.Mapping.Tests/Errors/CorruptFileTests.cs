using System.Text.Json;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Errors;

/// <summary>
/// Corrupt files, class by class: each failure is a specific exception that carries libhdf5's error stack, names the
/// object (or the file, when the file as a whole is unreadable), prints nothing on stderr and leaves no HDF5 object open
/// (H5TestBase checks that after each test). The targeted classes run in this process; the seeded corpus runs in
/// untrusted mode, since some mutants crash or hang libhdf5 itself.
/// </summary>
public sealed class CorruptFileTests : H5TestBase
{
    private (string Path, byte[] Bytes, JsonElement Layout) Classic()
    {
        var path = Files.NewPath("classic.h5");
        var bytes = CorruptFiles.Base(CorruptFiles.ClassicScript, path);
        return (path, bytes, CorruptFiles.BaseLayout(CorruptFiles.ClassicScript));
    }

    private string Write(byte[] bytes, string name)
    {
        var path = Files.NewPath(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static T Raises<T>(Action action) where T : Exception
    {
        T? e = null;
        var stderr = StderrCapture.Run(() => e = Assert.Throws<T>(action));
        Assert.Equal("", stderr);
        return e!;
    }

    [Fact]
    public void ATruncatedFile_IsInvalid_WithTheStack_AndNamesTheFile()
    {
        var (_, bytes, _) = Classic();
        var path = Write(bytes[..(bytes.Length / 2)], "truncated.h5");
        var e = Raises<H5InvalidFileException>(() => H5File.Open(path).Dispose());
        Assert.Contains("truncated", e.Message);
        Assert.Contains(path, e.Message);
        Assert.NotEmpty(e.ErrorStack);
        Assert.Null(e.ObjectPath);
    }

    [Fact]
    public void AFileWithoutItsSignature_IsNotHdf5()
    {
        var (_, bytes, _) = Classic();
        bytes[1] ^= 0xFF; // "\x89HDF\r\n\x1a\n" no more
        var path = Write(bytes, "nosignature.h5");
        var e = Raises<H5InvalidFileException>(() => H5File.Open(path).Dispose());
        Assert.Contains("not an HDF5 file", e.Message);
        Assert.Contains(e.ErrorStack, r => r.Function == "H5Fopen");
    }

    [Fact]
    public void ACorruptObjectHeader_IsInvalidFile_NamingTheObject_NotAMissingFilter_AndTheRestStaysReadable()
    {
        var (_, bytes, layout) = Classic();
        var header = layout.GetProperty("/g/ints").GetProperty("header").GetInt64();
        bytes[header] = 7; // a version-1 object header starts with its version, 1
        var path = Write(bytes, "badheader.h5");
        using var f = H5File.Open(path);
        var e = Raises<H5InvalidFileException>(() => f.OpenDataset("g/ints").Dispose());
        Assert.Equal("/g/ints", e.ObjectPath);
        Assert.Contains("the metadata of '/g/ints' is corrupt", e.Message);
        Assert.NotEmpty(e.ErrorStack);
        Assert.Contains(e.ErrorStack, r => r.Description.Contains("version", StringComparison.Ordinal));
        using var other = f.OpenDataset("chunked"); // only that object is damaged
        Assert.Equal(3999.0, other.Read<double>()[^1]);
    }

    [Fact]
    public void ACorruptCompressedChunk_IsCorruptData_NamingTheDataset_WhileTheOtherChunksRead()
    {
        var (_, bytes, layout) = Classic();
        var first = layout.GetProperty("/chunked").GetProperty("chunks")[0];
        var (offset, size) = (first[0].GetInt64(), first[1].GetInt32());
        bytes.AsSpan((int)offset + size / 2, 8).Fill(0x55); // inside the deflate stream of chunk (0, 0)
        var path = Write(bytes, "badchunk.h5");
        using var f = H5File.Open(path);
        using var ds = f.OpenDataset("chunked");
        var e = Raises<H5InvalidFileException>(() => ds.Read<double>());
        Assert.Equal("/chunked", e.ObjectPath);
        Assert.Contains("the stored data of '/chunked' is corrupt", e.Message);
        AssertFilterFailure(e, r => r.Function.Contains("deflate", StringComparison.Ordinal));
        Assert.Equal(H5ErrorKind.CorruptData, H5ErrorTable.Classify(e.ErrorStack));
        Assert.Equal(Enumerable.Range(2500, 100).Select(i => (double)i), ds[25, ..].Read<double>()); // chunk (2, 0..3)
    }

    // libhdf5 before 1.14 pushes the failing filter's own entry; 1.14 filters push none, and the deepest entry is the
    // pipeline's "filter returned failure during read".
    private static void AssertFilterFailure(IH5Exception e, Func<H5ErrorRecord, bool> filterEntry)
    {
        var stack = string.Join("\n", e.ErrorStack);
        if (H5Library.Version < new Version(1, 14, 0))
            Assert.True(e.ErrorStack.Any(filterEntry), stack);
        else
            Assert.True(e.ErrorStack.Any(r => r.Function.StartsWith("H5Z_pipeline", StringComparison.Ordinal)
                && r.Description.Contains("filter returned failure during read", StringComparison.Ordinal)), stack);
    }

    [Fact]
    public void AChunkFailingItsFletcher32Checksum_IsCorruptData()
    {
        var path = Files.NewPath("latest.h5");
        var bytes = CorruptFiles.Base(CorruptFiles.LatestScript, path);
        var chunk = CorruptFiles.BaseLayout(CorruptFiles.LatestScript).GetProperty("/chunked").GetProperty("chunks")[1];
        bytes[chunk[0].GetInt64() + 3] ^= 0x01;
        var bad = Write(bytes, "checksum.h5");
        using var f = H5File.Open(bad);
        using var ds = f.OpenDataset("chunked");
        var e = Raises<H5InvalidFileException>(() => ds.Read<float>());
        Assert.Equal("/chunked", e.ObjectPath);
        AssertFilterFailure(e, r => r.Description.Contains("Fletcher32", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(H5ErrorKind.CorruptData, H5ErrorTable.Classify(e.ErrorStack));
    }

    [Fact]
    public void AFilterThatIsReallyMissing_IsFilterNotAvailable_WithItsIdAndName()
    {
        var path = Files.NewPath("lzf.h5");
        Peers.RunPython("import sys\nwith h5py.File(sys.argv[1], 'w') as f:\n    f.create_dataset('lzf', data=numpy.arange(1000.), chunks=(100,), compression='lzf')", path);
        // 32000 (LZF) becomes 32099, a filter id no library provides; the pipeline message keeps the name "lzf".
        // In the filter pipeline message, each filter is: id (2 bytes), name length, flags, value count, then the name.
        var bytes = File.ReadAllBytes(path);
        var name = bytes.AsSpan().LastIndexOf("lzf\0"u8);
        Assert.True(name >= 8 && bytes[name - 8] == 0x00 && bytes[name - 7] == 0x7D, "no LZF entry in a filter pipeline message");
        bytes[name - 8] = 0x63;
        var patched = Write(bytes, "unknownfilter.h5");
        using var f = H5File.Open(patched);
        using var ds = f.OpenDataset("lzf");
        var e = Raises<H5FilterNotAvailableException>(() => ds.Read<double>());
        Assert.Equal(32099, e.FilterId);
        Assert.Equal("lzf", e.FilterName);
        Assert.Contains("/lzf", e.Message);
        Assert.NotEmpty(e.ErrorStack);
    }

    // The seeded corpus: 200 mutants of each base file, checked in untrusted mode (one child reads them in turn).
    // Expectations hold for every mutant whatever the mutation hit: a specific exception, libhdf5's stack, the object
    // or the file named, no HDF5 object left open, nothing on stderr; or, for the few that make libhdf5 itself crash
    // or hang, an H5UnsafeFileException naming the file.
    [Fact]
    public void EveryMutantOfTheCorpus_FailsWithASpecificException_ItsStack_AndTheObjectNamed()
    {
        var classic = Files.NewPath("classic.h5");
        var latest = Files.NewPath("latest.h5");
        var bases = new[] { (CorruptFiles.Base(CorruptFiles.ClassicScript, classic), 0UL), (CorruptFiles.Base(CorruptFiles.LatestScript, latest), 200UL) };
        var mutants = new List<string>();
        foreach (var (bytes, first) in bases)
            for (var seed = first; seed < first + 200; seed++)
                mutants.Add(Write(SeededMutation.Mutate(bytes, seed), $"mutant-{seed}.h5"));

        var outcomes = H5UntrustedFile.CheckMany(mutants, new H5UntrustedOptions { HangTimeout = TimeSpan.FromSeconds(20) });

        var failures = new List<string>();
        foreach (var o in outcomes)
        {
            if (o.ObjectsLeftOpen != 0) failures.Add($"{o.Path}: {o.ObjectsLeftOpen} HDF5 object(s) left open");
            if (o.ProbeStandardError != "") failures.Add($"{o.Path}: stderr: {o.ProbeStandardError}");
            if (o.Failure is { } e && CorpusVerdict.Problem(o.Path, e) is { } problem) failures.Add($"{Path.GetFileName(o.Path)}: {problem}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The corpus does reach the error paths: most mutants that fail, fail as corrupt files.
        Assert.True(outcomes.Count(o => o.Failure is H5InvalidFileException) > 100, $"only {outcomes.Count(o => o.Failure is not null)} mutants failed");
    }
}

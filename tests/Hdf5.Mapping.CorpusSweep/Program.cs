using System.Globalization;
using Hdf5.Mapping;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Tests.Errors;

// Usage: dotnet run -c Release --project tests/Hdf5.Mapping.CorpusSweep -- SEEDS BASE.h5...
// Makes SEEDS seeded mutants (seeds 0..SEEDS-1) of each base file, reads each in untrusted mode (a child process
// reads them in turn; one that crashes or hangs libhdf5 is reported and a new child goes on), and counts the outcomes:
// failures by exception type, those the corpus test would reject (generic exceptions, empty stacks, nothing named),
// crashes and hangs, HDF5 objects left open and stderr noise. Set HDF5_MAPPING_LIBHDF5 (and _HL) to sweep another
// libhdf5. Prints one line per rejected failure, then the counts; exits 1 when any failure was rejected.
var seeds = int.Parse(args[0], CultureInfo.InvariantCulture);
var folder = Directory.CreateTempSubdirectory("h5m-corpus-sweep-").FullName;
try
{
    var mutants = new List<string>();
    foreach (var basePath in args.Skip(1))
    {
        var bytes = File.ReadAllBytes(basePath);
        for (var seed = 0UL; seed < (ulong)seeds; seed++)
        {
            var path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(basePath)}-{seed}.h5");
            File.WriteAllBytes(path, SeededMutation.Mutate(bytes, seed));
            mutants.Add(path);
        }
    }
    var outcomes = H5UntrustedFile.CheckMany(mutants, new H5UntrustedOptions { HangTimeout = TimeSpan.FromSeconds(10) });

    var byType = new SortedDictionary<string, int>(StringComparer.Ordinal);
    int rejected = 0, generic = 0, emptyStack = 0, unnamed = 0, leaks = 0, noise = 0, crashed = 0, hung = 0;
    foreach (var o in outcomes)
    {
        if (o.ObjectsLeftOpen != 0) leaks++;
        if (o.ProbeStandardError != "") noise++;
        if (o.Failure is not { } e) continue;
        var type = e is H5UnsafeFileException u ? $"{nameof(H5UnsafeFileException)} ({u.Reason})" : e.GetType().Name;
        byType[type] = byType.GetValueOrDefault(type) + 1;
        if (e is H5UnsafeFileException { Reason: H5UnsafeFileReason.Crashed }) crashed++;
        if (e is H5UnsafeFileException { Reason: not H5UnsafeFileReason.Crashed }) hung++;
        if (CorpusVerdict.Problem(o.Path, e) is not { } problem) continue;
        rejected++;
        if (problem.Contains("is not a specific exception", StringComparison.Ordinal)) generic++;
        else if (problem.Contains("without libhdf5's stack", StringComparison.Ordinal)) emptyStack++;
        else unnamed++;
        Console.WriteLine($"{Path.GetFileName(o.Path)}: {problem.ReplaceLineEndings(" ")}");
    }
    H5Library.EnsureInitialized();
    Console.WriteLine($"libhdf5 {H5Library.Version}: {outcomes.Count} mutants, {outcomes.Count(o => o.Failure is null)} read whole, {outcomes.Count(o => o.Failure is not null)} failed");
    foreach (var (type, count) in byType) Console.WriteLine($"  {count,5}  {type}");
    Console.WriteLine($"rejected {rejected}: generic {generic}, empty stack {emptyStack}, nothing named {unnamed}; " +
        $"crashed {crashed} and hung {hung} (all reported, none in this process); objects left open in {leaks}; stderr noise in {noise}");
    return rejected > 0 ? 1 : 0;
}
finally
{
    Directory.Delete(folder, recursive: true);
}

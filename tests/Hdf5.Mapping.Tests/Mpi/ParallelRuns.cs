using System.Text.Json;
using Hdf5.Mapping.Tests.Infrastructure;

namespace Hdf5.Mapping.Tests.Mpi;

/// <summary>The MPI runs the parallel runtime tests share, each made once per test class when first needed: the
/// rank program's scenarios on 2 and 4 ranks. Each run leaves a file and one JSON result per rank.</summary>
public sealed class ParallelRuns : IDisposable
{
    private readonly TempFiles _files = new();
    private readonly Dictionary<(string, int), (string File, JsonElement[] Ranks)> _runs = new();

    /// <summary>Runs <paramref name="scenario"/> of Hdf5.Mapping.MpiRanks on <paramref name="ranks"/> ranks (once).</summary>
    public (string File, JsonElement[] Ranks) Scenario(string scenario, int ranks, string? input = null)
    {
        lock (_runs)
        {
            if (_runs.TryGetValue((scenario, ranks), out var done)) return done;
            var folder = Path.Combine(_files.Folder, $"{scenario}-{ranks}");
            Directory.CreateDirectory(folder);
            var file = input ?? Path.Combine(folder, "out.h5");
            MpiRun.DotNet(ranks, "Hdf5.Mapping.MpiRanks.dll", scenario, file, folder);
            return _runs[(scenario, ranks)] = (file, MpiRun.Results(folder, scenario, ranks));
        }
    }

    /// <summary>A fresh path in this fixture's folder.</summary>
    public string NewPath(string name) => _files.NewPath(name);

    public void Dispose() => _files.Dispose();
}

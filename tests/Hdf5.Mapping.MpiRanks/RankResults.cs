using System.Text.Json;

namespace Hdf5.Mapping.MpiRanks;

/// <summary>What one rank saw: named values, written as one JSON object per rank.</summary>
public sealed class RankResults(int rank)
{
    private readonly Dictionary<string, object?> _values = new() { ["rank"] = rank };

    public object? this[string key]
    {
        set => _values[key] = value;
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(_values));
}

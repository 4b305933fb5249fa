namespace Hdf5.Mapping.Design.Scaffolding;

/// <summary>One generated source file.</summary>
/// <param name="FileName">The file name (<c>Heights.cs</c>).</param>
/// <param name="Source">The C# source.</param>
public sealed record H5ScaffoldFile(string FileName, string Source);

/// <summary>What <see cref="H5Scaffolder"/> produced: the sources, the root class, and what it could not map.</summary>
public sealed class H5ScaffoldResult
{
    internal H5ScaffoldResult(string rootClass, string ns, IReadOnlyList<H5ScaffoldFile> files, IReadOnlyList<string> skipped, int objects)
    {
        RootClassName = rootClass;
        Namespace = ns;
        Files = files;
        Skipped = skipped;
        ObjectCount = objects;
    }

    /// <summary>The <c>[H5File]</c> class's name.</summary>
    public string RootClassName { get; }

    /// <summary>The namespace of every class.</summary>
    public string Namespace { get; }

    /// <summary>The generated sources: one per class, struct and enum.</summary>
    public IReadOnlyList<H5ScaffoldFile> Files { get; }

    /// <summary>Objects or settings left out, each with its path and the reason (also written as comments in the sources).</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>How many groups, datasets and attributes were visited.</summary>
    public int ObjectCount { get; }

    /// <summary>Writes every file into <paramref name="directory"/> (created if needed) and returns their paths.</summary>
    public IReadOnlyList<string> WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var f in Files)
        {
            var path = Path.Combine(directory, f.FileName);
            File.WriteAllText(path, f.Source);
            paths.Add(path);
        }
        return paths;
    }
}

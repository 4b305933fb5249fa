namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>Where things are in the repository the tests run from.</summary>
public static class RepoPaths
{
    /// <summary>The folder holding Hdf5.Mapping.sln, found above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hdf5.Mapping.sln"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Hdf5.Mapping.sln) is not above " + AppContext.BaseDirectory);
    }
}

using System.Diagnostics;

namespace Hdf5.Mapping.Generators.Tests.Docs;

/// <summary>The documentation site built once for the tests of a class by <c>docs/build.sh</c> (docfx with warnings as
/// errors) into a temporary folder, with what the build printed.</summary>
public sealed class DocumentationSite : IDisposable
{
    /// <summary>Time for the API metadata and the site on a loaded two-core machine, with room to spare.</summary>
    private static readonly TimeSpan BuildTimeLimit = TimeSpan.FromMinutes(12);

    public DocumentationSite()
    {
        RepositoryRoot = FindRepositoryRoot();
        Output = Path.Combine(Path.GetTempPath(), "hdf5-mapping-site-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot, "docs", "build.sh"), Output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(BuildTimeLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"docs/build.sh did not finish within {BuildTimeLimit}");
        }
        ExitCode = process.ExitCode;
        Log = stdout.Result + stderr.Result;
    }

    /// <summary>The clone's root (the folder with Hdf5.Mapping.sln).</summary>
    public string RepositoryRoot { get; }

    /// <summary>The folder the site was built into.</summary>
    public string Output { get; }

    public int ExitCode { get; }

    /// <summary>Everything docs/build.sh printed (docfx's warnings among it).</summary>
    public string Log { get; }

    /// <summary>The built page at <paramref name="sitePath"/> (relative to the site's root, with '/').</summary>
    public string PagePath(string sitePath) => Path.Combine(Output, sitePath.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose()
    {
        if (Directory.Exists(Output)) Directory.Delete(Output, recursive: true);
    }

    /// <summary>The clone's root: the folder above the test's binaries that holds Hdf5.Mapping.sln.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Hdf5.Mapping.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no Hdf5.Mapping.sln above {AppContext.BaseDirectory}");
    }
}

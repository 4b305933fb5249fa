namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>A fresh folder per test class for the files it writes; deleted afterwards.</summary>
public sealed class TempFiles : IDisposable
{
    public TempFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "h5m-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    /// <summary>A new file path in the folder (the file is not created).</summary>
    public string NewPath(string name = "test.h5") => Path.Combine(Folder, Guid.NewGuid().ToString("N")[..8] + "-" + name);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

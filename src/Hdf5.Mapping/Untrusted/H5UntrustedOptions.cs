namespace Hdf5.Mapping;

/// <summary>How untrusted mode reads a file in its child process (<see cref="H5UntrustedFile"/>, <see cref="H5IsolatedProcess"/>).</summary>
public sealed class H5UntrustedOptions
{
    /// <summary>How long the child may go without progress (a new object, attribute or block of data) before it is
    /// taken to hang, stopped, and the file reported as <see cref="H5UnsafeFileReason.Hung"/>. Default 30 s.</summary>
    public TimeSpan HangTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the whole check may take (null: no limit beyond <see cref="HangTimeout"/>).</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Whether the check reads every element of every dataset too (default), not only the metadata and attributes.
    /// Reading data proves that its chunks and filters decode; without it a check is much faster on large files.</summary>
    public bool ReadData { get; init; } = true;

    /// <summary>When reading data, datasets with more elements than this are skipped (null: no limit).</summary>
    public long? MaxElementsPerDataset { get; init; }

    /// <summary>The command that starts the probe (the executable and its first arguments), for deployments where the
    /// default cannot find it. By default it is <c>Hdf5.Mapping.Probe.dll</c> in the application's folder (the package
    /// copies it there), run by the .NET host that runs this process.</summary>
    public IReadOnlyList<string>? ProbeCommand { get; init; }
}

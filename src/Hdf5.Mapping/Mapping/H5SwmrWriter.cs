namespace Hdf5.Mapping;

/// <summary>
/// The writing side of a mapped file in single-writer/multiple-reader mode: the file is open for SWMR writing and the
/// datasets of the mapped type's unlimited members stay open, so each append is one <c>H5Dset_extent</c> and one
/// <c>H5Dwrite</c>. A mapped type's generated <c>SwmrWriter</c> derives from this class and adds one typed
/// <c>Append…</c> method per unlimited member; <see cref="Flush"/> makes what was appended visible to readers.
/// </summary>
public abstract class H5SwmrWriter : IDisposable
{
    private readonly H5Dataset?[] _datasets;
    private readonly string[] _names;

    /// <summary>Takes over a file already in SWMR write mode and opens the datasets that grow (generated code calls this).</summary>
    /// <param name="file">The file; the writer owns it.</param>
    /// <param name="datasetNames">The HDF5 names of the datasets, in the order the generated methods refer to them; an
    /// optional member that the file does not hold stays closed, and appending to it raises <see cref="H5MappingException"/>.</param>
    protected H5SwmrWriter(H5File file, string[] datasetNames)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        _names = datasetNames ?? throw new ArgumentNullException(nameof(datasetNames));
        _datasets = new H5Dataset?[datasetNames.Length];
        try
        {
            for (int i = 0; i < datasetNames.Length; i++)
                if (file.ContainsKey(datasetNames[i])) _datasets[i] = file.OpenDataset(datasetNames[i]);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The file, in SWMR write mode.</summary>
    public H5File File { get; }

    /// <summary>The open dataset of the member at <paramref name="index"/> of the generated list.</summary>
    protected H5Dataset Dataset(int index) =>
        _datasets[index] ?? throw new H5MappingException("/" + _names[index],
            "the optional dataset is not in the file, and SWMR writing cannot create it: write it before SWMR writing starts");

    /// <summary>Writes everything appended so far to the file (<c>H5Fflush</c>), so readers that refresh see it.</summary>
    public void Flush() => File.Flush();

    /// <summary>Closes the datasets and the file (which flushes it).</summary>
    public void Dispose()
    {
        foreach (var dataset in _datasets) dataset?.Dispose();
        File.Dispose();
        GC.SuppressFinalize(this);
    }
}

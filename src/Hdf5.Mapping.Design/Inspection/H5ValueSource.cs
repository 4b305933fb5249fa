namespace Hdf5.Mapping.Design.Inspection;

/// <summary>The values behind a <see cref="H5FileModel"/>, read on demand from the open file by a node's path: the
/// model holds what objects are, the listings and dumps that print values ask for them here.</summary>
internal sealed class H5ValueSource(H5File file)
{
    /// <summary>The values of each of <paramref name="attributes"/> of the object at <paramref name="ownerPath"/> (the
    /// owner opened once), or why they cannot be read.</summary>
    public List<(object?[]? Values, string? Error)> Attributes(string ownerPath, IEnumerable<H5AttributeNode> attributes)
    {
        var values = new List<(object?[]?, string?)>();
        using var owner = file.OpenObject(ownerPath);
        foreach (var a in attributes)
            values.Add(H5Values.TryRead(() =>
            {
                using var attribute = owner.Attrs.Open(a.Name);
                return H5Values.Read(attribute, owner);
            }));
        return values;
    }

    /// <summary>The values of the dataset at <paramref name="path"/>, or why they cannot be read.</summary>
    public (object?[]? Values, string? Error) Dataset(string path) => H5Values.TryRead(() =>
    {
        using var dataset = file.OpenDataset(path);
        return H5Values.Read(dataset);
    });
}

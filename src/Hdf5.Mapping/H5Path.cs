namespace Hdf5.Mapping;

/// <summary>HDF5 path arithmetic, in one place for the runtime, the mappings, the listings and the scaffolder.</summary>
public static class H5Path
{
    /// <summary>The path of <paramref name="name"/> inside the group at <paramref name="parent"/>:
    /// <c>Join("/", "a")</c> is <c>/a</c>, <c>Join("/a", "b")</c> is <c>/a/b</c> (a trailing <c>/</c> of the parent is not doubled).</summary>
    public static string Join(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(name);
        return parent.EndsWith('/') ? parent + name : parent + "/" + name;
    }
}

using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping.Design.Inspection;

/// <summary>
/// The objects one walk over a file has already reached, by file number and address or token (as h5ls tells them
/// apart): a group linked into itself, or one object behind two hard links, is described once, and every later link
/// to it says where it was first seen. Only objects with more than one hard link can be reached twice, so only those
/// are remembered.
/// </summary>
internal sealed class H5Visits
{
    private readonly Dictionary<(ulong File, H5Token Token), string> _first = [];

    /// <summary>Starts a walk at <paramref name="start"/>, whose path is <paramref name="path"/>.</summary>
    public H5Visits(H5Object start, string path) => FirstVisit(start.Info, path);

    /// <summary>Null when <paramref name="info"/> is reached for the first time (now at <paramref name="path"/>);
    /// otherwise the path it was first reached by.</summary>
    public string? FirstVisit(H5ObjectInfo info, string path)
    {
        if (info.ReferenceCount < 2) return null;
        var key = (info.FileNumber, info.Token);
        if (_first.TryGetValue(key, out var first)) return first;
        _first[key] = path;
        return null;
    }
}

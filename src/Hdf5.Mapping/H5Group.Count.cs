using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;

namespace Hdf5.Mapping;

public partial class H5Group
{
    /// <summary>The number of objects reachable from this group through hard links, the group itself included, each
    /// counted once however many links lead to it (<c>H5Ovisit</c>, as <c>h5ls -r</c> lists them): the total of a
    /// walk's <see cref="H5Progress"/> in <see cref="H5ProgressUnit.Objects"/>. Soft and external links are not
    /// followed. One native walk over the group's metadata, no object opened.</summary>
    public unsafe long CountObjects()
    {
        using var scope = H5Library.Enter();
        long count = 0;
        H5Call.Check(H5Api.VisitObjects(Id, &CountOne, &count), $"counting the objects below {What}");
        return count;
    }

    [UnmanagedCallersOnly]
    private static unsafe int CountOne(long obj, byte* name, void* info, void* data)
    {
        (*(long*)data)++;
        return 0;
    }
}

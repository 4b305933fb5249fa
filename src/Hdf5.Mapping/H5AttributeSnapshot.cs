using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>An attribute copied into memory with its stored datatype and dataspace, to be written to another object (how
/// an object that must be recreated keeps the attributes it carried) or back to its own (how an undoable change puts
/// back the attributes libhdf5's dimension-scale calls rewrite). The elements are read with the stored type, so
/// variable-length strings and sequences (a <c>DIMENSION_LIST</c>) are held in buffers libhdf5 allocated, freed by
/// <see cref="Dispose"/>; object references stay valid within the file.</summary>
internal sealed unsafe class H5AttributeSnapshot : IDisposable
{
    private readonly DatatypeId _type;
    private readonly DataspaceId _space;
    private void* _elements;

    private H5AttributeSnapshot(string name, DatatypeId type, DataspaceId space, void* elements)
    {
        Name = name;
        _type = type;
        _space = space;
        _elements = elements;
    }

    public string Name { get; }

    /// <summary>Copies every attribute of <paramref name="owner"/> whose name <paramref name="keep"/> accepts.</summary>
    public static List<H5AttributeSnapshot> TakeAll(H5Object owner, Func<string, bool> keep)
    {
        var all = new List<H5AttributeSnapshot>();
        try
        {
            foreach (var name in owner.Attrs.Keys)
                if (keep(name)) all.Add(Take(owner, name));
            return all;
        }
        catch
        {
            foreach (var s in all) s.Dispose();
            throw;
        }
    }

    private static H5AttributeSnapshot Take(H5Object owner, string name)
    {
        using var attribute = owner.Attrs.Open(name);
        using var scope = H5Library.Enter();
        var type = attribute.FileType();
        var space = attribute.Space();
        void* elements = null;
        try
        {
            var count = H5Call.Check(H5S.GetSimpleExtentNpoints(space), $"sizing attribute '{name}' of '{owner.Name}'");
            var bytes = checked((nuint)H5T.GetSize(type) * (nuint)count);
            elements = NativeMemory.AllocZeroed(Math.Max(bytes, 1));
            if (count > 0) H5Call.Check(H5A.Read(attribute.Id, type, elements), $"copying attribute '{name}' of '{owner.Name}'", owner.Path);
            return new(name, type, space, elements);
        }
        catch
        {
            NativeMemory.Free(elements);
            space.Dispose();
            type.Dispose();
            throw;
        }
    }

    /// <summary>Creates the attribute on <paramref name="owner"/> with the stored type, dataspace and value.</summary>
    public void WriteTo(H5Object owner)
    {
        using var scope = H5Library.Enter();
        var id = new AttributeId(H5Call.Check(H5A.Create2(owner.LocationId, Name, _type, _space, H5Links.AttributePropertiesFor(Name), PropertyListId.Default),
            $"copying attribute '{Name}' to '{owner.Name}'", owner.Path));
        using var attribute = new H5Attribute(id, Name, owner.Name);
        owner.File.Journal?.AttributeAdded(owner.Path, Name);
        if (H5S.GetSimpleExtentNpoints(_space) > 0)
            H5Call.Check(H5A.Write(id, _type, _elements), $"copying attribute '{Name}' to '{owner.Name}'", owner.Path);
    }

    public void Dispose()
    {
        if (_elements is not null)
        {
            using var scope = H5Library.Enter();
            if (H5Api.ReclaimVlen(_type, _space, PropertyListId.Default, _elements) < 0) H5ErrorStack.Capture(); // nothing to free is not a failure to report
            NativeMemory.Free(_elements);
            _elements = null;
        }
        _space.Dispose();
        _type.Dispose();
    }
}

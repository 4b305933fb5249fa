using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>An attribute copied into memory with its stored datatype and shape, to be written to another object:
/// how an object that must be recreated keeps the attributes it carried. Variable-length strings are copied as
/// strings; other types as their stored bytes (references stay valid within the file).</summary>
internal sealed class H5AttributeSnapshot : IDisposable
{
    private readonly DatatypeId _type;

    private H5AttributeSnapshot(string name, DatatypeId type, long[] shape, byte[]? bytes, string[]? strings)
    {
        Name = name;
        _type = type;
        Shape = shape;
        Bytes = bytes;
        Strings = strings;
    }

    public string Name { get; }
    public long[] Shape { get; }
    private byte[]? Bytes { get; }
    private string[]? Strings { get; }

    /// <summary>Copies every attribute of <paramref name="owner"/> whose name <paramref name="keep"/> accepts.</summary>
    /// <exception cref="NotSupportedException">An attribute holds variable-length sequences, which are not copied.</exception>
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

    private static unsafe H5AttributeSnapshot Take(H5Object owner, string name)
    {
        using var attribute = owner.Attrs.Open(name);
        using var scope = H5Library.Enter();
        var type = attribute.FileType();
        try
        {
            var shape = attribute.Shape;
            if (H5Call.CheckBool(H5T.IsVariableStr(type))) return new(name, type, shape, null, attribute.ReadStrings());
            if (H5Call.Check(H5T.DetectClass(type, H5T.Class.Vlen), $"inspecting attribute '{name}'") > 0)
                throw new NotSupportedException($"Attribute '{name}' of '{owner.Name}' holds variable-length sequences, which cannot be carried over to a recreated object.");
            var bytes = new byte[checked((long)H5T.GetSize(type) * H5Shape.Product(shape))];
            fixed (byte* p = bytes) H5Call.Check(H5A.Read(attribute.Id, type, p), $"copying attribute '{name}'");
            return new(name, type, shape, bytes, null);
        }
        catch
        {
            type.Dispose();
            throw;
        }
    }

    /// <summary>Creates the attribute on <paramref name="owner"/> with the stored type, shape and value.</summary>
    public unsafe void WriteTo(H5Object owner)
    {
        using var scope = H5Library.Enter();
        using var space = H5Shape.CreateSpace(Shape);
        var id = new AttributeId(H5Call.Check(H5A.Create2(owner.LocationId, Name, _type, space, H5Links.AttributePropertiesFor(Name), PropertyListId.Default),
            $"copying attribute '{Name}' to '{owner.Name}'"));
        using var attribute = new H5Attribute(id, Name, owner.Name);
        if (Strings is not null)
        {
            attribute.WriteStrings(Strings);
            return;
        }
        fixed (byte* p = Bytes) H5Call.Check(H5A.Write(id, _type, p), $"copying attribute '{Name}' to '{owner.Name}'");
    }

    public void Dispose() => _type.Dispose();
}

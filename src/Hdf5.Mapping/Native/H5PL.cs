using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Native;

/// <summary>Bindings to <c>H5PLpublic.h</c> (the plugin search path).</summary>
public static unsafe partial class H5PL
{
    /// <summary><c>H5PLappend</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5PLappend", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Append(string searchPath);

    /// <summary><c>H5PLsize</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5PLsize")]
    public static partial int Size(out uint numPaths);

    /// <summary><c>H5PLget</c>.</summary>
    [LibraryImport(Libraries.Hdf5, EntryPoint = "H5PLget")]
    public static partial nint Get(uint index, byte* path, nuint size);
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

// The managed filters join the library's set-up from their own layer, when the assembly loads: LowLevel runs the
// steps after H5open and knows no filter.
internal static class H5ManagedFilters
{
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Adding a set-up step loads nothing; the steps run at the first libhdf5 call.")]
    internal static void JoinSetUp()
    {
        H5Library.AddSetUpStep(ZstdFilter.Register); // no Zstd plugin ships with Debian: ours is managed
        H5Library.AddSetUpStep(LzfFilter.Register);  // Debian's LZF plugin does not load (not linked against liblzf): ours is managed
    }

    /// <summary>Registers a managed filter with <c>H5Zregister</c>. <paramref name="name"/> (NUL-terminated) is what datasets
    /// store in their pipeline; it is copied to memory kept for the process, since libhdf5 keeps the pointer, not a copy.</summary>
    internal static unsafe void Register(int id, ReadOnlySpan<byte> name, delegate* unmanaged<uint, nuint, uint*, nuint, nuint*, void**, nuint> filter,
        void* setLocal, string what)
    {
        var kept = (byte*)NativeMemory.Alloc((nuint)name.Length);
        name.CopyTo(new Span<byte>(kept, name.Length));
        var cls = new H5Z.Class2
        {
            Version = H5Z.ClassTVers,
            Id = id,
            EncoderPresent = 1,
            DecoderPresent = 1,
            Name = kept,
            SetLocal = setLocal,
            Filter = filter,
        };
        H5Call.Check(H5Z.Register(&cls), $"registering the {what} filter");
    }
}

using System.Runtime.InteropServices;

namespace Hdf5.Mapping;

/// <summary>Native memory for what encoded elements point to (string bytes, sequence elements) during one write: carved
/// out of large blocks, all freed together when the write is done (libhdf5 copies the data it is given).</summary>
internal sealed unsafe class H5NativeArena : IDisposable
{
    private const int BlockSize = 64 * 1024;
    private readonly List<nint> _blocks = [];
    private byte* _cursor;
    private long _left;

    /// <summary><paramref name="bytes"/> bytes, zeroed, aligned to 8 bytes, valid until <see cref="Dispose"/>.</summary>
    public byte* Allocate(long bytes)
    {
        bytes = Math.Max(8, (bytes + 7) & ~7L);
        if (bytes > BlockSize / 4)
        {
            var own = (byte*)NativeMemory.AllocZeroed((nuint)bytes);
            _blocks.Add((nint)own);
            return own;
        }
        if (bytes > _left)
        {
            _cursor = (byte*)NativeMemory.AllocZeroed(BlockSize);
            _blocks.Add((nint)_cursor);
            _left = BlockSize;
        }
        var p = _cursor;
        _cursor += bytes;
        _left -= bytes;
        return p;
    }

    public void Dispose()
    {
        foreach (var b in _blocks) NativeMemory.Free((void*)b);
        _blocks.Clear();
        _left = 0;
    }
}

using System.Runtime.InteropServices;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Native;

namespace Hdf5.Mapping;

/// <summary>
/// The LZF filter (id 32000) in managed code, registered with <c>H5Zregister</c> at library set-up, in the format of
/// the filter h5py builds in (<c>compression="lzf"</c>): each chunk one bare LZF stream (<see cref="LzfCodec"/>);
/// <c>cd_values</c> filled in at dataset creation as h5py's <c>set_local</c> fills them — filter revision 4, liblzf
/// API version 0x0105, the chunk size in bytes (the decoder's first buffer guess). A chunk LZF cannot shrink makes
/// the filter fail, and libhdf5 stores it unfiltered (the filter is optional, as h5py adds it).
/// </summary>
public static class LzfFilter
{
    private static int s_registered;

    /// <summary>h5py's LZF filter revision, stored in <c>cd_values[0]</c>.</summary>
    public const uint FilterRevision = 4;

    /// <summary>The liblzf API version h5py stores in <c>cd_values[1]</c> (0x0105).</summary>
    public const uint LzfApiVersion = 0x0105;

    /// <summary>Registers the filter (idempotent); a step of the library's set-up (see <c>H5ManagedFilters</c>).</summary>
    public static unsafe void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) != 0) return;
        // The name is h5py's, so our files carry the same pipeline bytes as h5py's.
        H5ManagedFilters.Register(H5Filter.LzfId, "lzf\0"u8, &Filter, (void*)(delegate* unmanaged<long, long, long, int>)&SetLocal, "managed LZF");
    }

    // herr_t set_local(hid_t dcpl, hid_t type, hid_t space): records the revision, the liblzf version and the chunk
    // size in bytes, keeping any values already there (a copied pipeline keeps its original versions).
    [UnmanagedCallersOnly]
    private static unsafe int SetLocal(long dcpl, long type, long space)
    {
        try
        {
            var plist = new BorrowedId(dcpl);
            uint flags;
            nuint count = 8;
            var values = stackalloc uint[8];
            new Span<uint>(values, 8).Clear();
            if (H5P.GetFilterById2(plist, H5Filter.LzfId, &flags, &count, values, 0, null, null) < 0) return -1;
            if (count < 3) count = 3;
            if (values[0] == 0) values[0] = FilterRevision;
            if (values[1] == 0) values[1] = LzfApiVersion;
            var dims = stackalloc ulong[32];
            var rank = H5P.GetChunk(plist, 32, dims);
            if (rank < 0) return -1;
            ulong bytes = H5T.GetSize(new BorrowedId(type));
            if (bytes == 0) return -1;
            for (int i = 0; i < rank; i++) bytes *= dims[i];
            values[2] = (uint)bytes; // h5py stores it as an unsigned int too; it is only a first guess for decoding
            return H5P.ModifyFilter(plist, H5Filter.LzfId, flags, count, values) < 0 ? -1 : 1;
        }
        catch
        {
            return -1; // an exception must never cross into native code
        }
    }

    [UnmanagedCallersOnly]
    private static unsafe nuint Filter(uint flags, nuint cdNelmts, uint* cdValues, nuint nbytes, nuint* bufSize, void** buf)
    {
        byte* output = null;
        try
        {
            var input = new ReadOnlySpan<byte>(*buf, checked((int)nbytes));
            int allocated, written;
            if ((flags & H5Z.FlagReverse) != 0)
            {
                var guess = cdNelmts >= 3 && cdValues[2] != 0 ? (long)cdValues[2] : (long)*bufSize;
                nint decoded;
                (decoded, allocated, written) = Decode(input, guess);
                if (decoded == 0) return 0;
                output = (byte*)decoded;
            }
            else
            {
                // As h5py: the output may be as large as libhdf5's buffer, no larger; a chunk that does not shrink
                // into it fails the (optional) filter and is stored as it is.
                allocated = checked((int)*bufSize);
                output = (byte*)H5Z.AllocateMemory((nuint)allocated, false);
                if (output == null) return 0;
                written = LzfCodec.Compress(input, new Span<byte>(output, allocated));
                if (written == 0)
                {
                    H5.FreeMemory(output);
                    return 0;
                }
            }
            // libhdf5 frees what it gave us only through us: release the input, hand over the output.
            H5.FreeMemory(*buf);
            *buf = output;
            *bufSize = (nuint)allocated;
            return (nuint)written;
        }
        catch
        {
            if (output != null) H5.FreeMemory(output);
            return 0; // libhdf5 reports "filter returned failure"; an exception must never cross into native code
        }
    }

    // Decodes into a buffer of the guessed size (the chunk size h5py recorded); if the stream holds more, into one of
    // its exact decoded length. A corrupt stream throws after the buffer is released.
    private static (nint Output, int Allocated, int Written) Decode(ReadOnlySpan<byte> input, long guess)
    {
        var size = (int)Math.Clamp(guess, 1, int.MaxValue);
        var first = TryDecode(input, size);
        if (first.Output != 0) return first;
        var exact = LzfCodec.DecodedLength(input);
        return exact > int.MaxValue ? (0, 0, 0) : TryDecode(input, (int)Math.Max(exact, 1));
    }

    private static unsafe (nint Output, int Allocated, int Written) TryDecode(ReadOnlySpan<byte> input, int size)
    {
        var output = (byte*)H5Z.AllocateMemory((nuint)size, false);
        if (output == null) return (0, 0, 0);
        try
        {
            var written = LzfCodec.Decompress(input, new Span<byte>(output, size));
            if (written >= 0) return ((nint)output, size, written);
        }
        catch
        {
            H5.FreeMemory(output);
            throw;
        }
        H5.FreeMemory(output);
        return (0, 0, 0);
    }
}

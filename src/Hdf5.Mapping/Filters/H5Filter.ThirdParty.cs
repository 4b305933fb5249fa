using System.Buffers.Binary;

namespace Hdf5.Mapping;

// Registered third-party filters. cd_values are computed exactly as hdf5plugin computes them, and every one is
// flagged optional as h5py flags any filter given by id (FLAG_OPTIONAL: a chunk the filter cannot shrink is stored
// as it is), so pipelines compare equal to h5py + hdf5plugin's. They load as plugins from HDF5_PLUGIN_PATH or the
// Debian folder; Zstd and LZF are built into this library.
public sealed partial class H5Filter
{
    /// <summary>Id of the Zstandard filter (HDF Group registered id 32015).</summary>
    public const int ZstdId = H5FilterTable.ZstdId;
    /// <summary>Id of the ZFP filter (32013).</summary>
    public const int ZfpId = H5FilterTable.ZfpId;
    /// <summary>Id of the LZ4 filter (32004).</summary>
    public const int Lz4Id = H5FilterTable.Lz4Id;
    /// <summary>Id of the Blosc filter (32001).</summary>
    public const int BloscId = H5FilterTable.BloscId;
    /// <summary>Id of the BZip2 filter (307).</summary>
    public const int Bzip2Id = H5FilterTable.Bzip2Id;
    /// <summary>Id of the LZF filter (32000).</summary>
    public const int LzfId = H5FilterTable.LzfId;

    /// <summary>Zstandard at <paramref name="level"/> (1–22), in the HDF Group plugin's format: one zstd frame per
    /// chunk, <c>cd_values[0]</c> = level (hdf5plugin: <c>Zstd(clevel)</c>). Implemented in managed code by this library.</summary>
    public static H5Filter Zstd(int level = 3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 22);
        return Known(ZstdId, [(uint)level], optional: true);
    }

    /// <summary>ZFP fixed-accuracy mode: absolute error at most <paramref name="tolerance"/> (hdf5plugin: <c>Zfp(accuracy=)</c>).</summary>
    public static H5Filter ZfpAccuracy(double tolerance) => Zfp(3, tolerance);

    /// <summary>ZFP fixed-rate mode: <paramref name="rate"/> bits per value (hdf5plugin: <c>Zfp(rate=)</c>).</summary>
    public static H5Filter ZfpRate(double rate) => Zfp(1, rate);

    /// <summary>ZFP fixed-precision mode: <paramref name="bits"/> uncompressed bits per value (hdf5plugin: <c>Zfp(precision=)</c>).</summary>
    public static H5Filter ZfpPrecision(int bits) => Known(ZfpId, [2u, 0u, (uint)bits, 0u, 0u, 0u], optional: true);

    /// <summary>ZFP lossless mode (hdf5plugin: <c>Zfp(reversible=True)</c>).</summary>
    public static H5Filter ZfpReversible() => Known(ZfpId, [5u, 0u, 0u, 0u, 0u, 0u], optional: true);

    // The double parameter travels as its two 32-bit halves, low word first (H5Zzfp's H5Pset_zfp_*_cdata).
    private static H5Filter Zfp(uint mode, double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value);
        return Known(ZfpId, [mode, 0u, (uint)(bits & 0xFFFFFFFF), (uint)(bits >> 32), 0u, 0u], optional: true);
    }

    /// <summary>LZ4 with blocks of <paramref name="blockSize"/> bytes (0 = the plugin's default of 1 GiB) (hdf5plugin: <c>LZ4(nbytes)</c>).</summary>
    public static H5Filter Lz4(int blockSize = 0) => Known(Lz4Id, [(uint)blockSize], optional: true);

    /// <summary>BZip2 with block size 1–9 (hdf5plugin: <c>BZip2(blocksize)</c>).</summary>
    public static H5Filter Bzip2(int blockSize = 9)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockSize, 9);
        return Known(Bzip2Id, [(uint)blockSize], optional: true);
    }

    /// <summary>LZF (h5py: <c>compression="lzf"</c>), in h5py's format: implemented in managed code by this library,
    /// so it needs no plugin. The stored <c>cd_values</c> are h5py's: filter version, liblzf version, chunk bytes.</summary>
    public static H5Filter Lzf() => Known(LzfId, [], optional: true);

    /// <summary>The compressors Blosc can use.</summary>
    public enum BloscCompressor
    {
        /// <summary>blosclz</summary>
        BloscLz = 0,
        /// <summary>lz4</summary>
        Lz4 = 1,
        /// <summary>lz4hc</summary>
        Lz4HC = 2,
        /// <summary>snappy</summary>
        Snappy = 3,
        /// <summary>zlib</summary>
        Zlib = 4,
        /// <summary>zstd</summary>
        Zstd = 5,
    }

    /// <summary>Blosc's shuffle modes.</summary>
    public enum BloscShuffle
    {
        /// <summary>No shuffle.</summary>
        None = 0,
        /// <summary>Byte shuffle.</summary>
        Byte = 1,
        /// <summary>Bit shuffle.</summary>
        Bit = 2,
    }

    /// <summary>Blosc (hdf5plugin: <c>Blosc(cname, clevel, shuffle)</c>); the first four cd_values are filled in by the plugin.</summary>
    public static H5Filter Blosc(BloscCompressor compressor = BloscCompressor.Lz4, int level = 5, BloscShuffle shuffle = BloscShuffle.Byte)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        return Known(BloscId, [0u, 0u, 0u, 0u, (uint)level, (uint)shuffle, (uint)compressor], optional: true);
    }

    /// <summary>The ZFP mode and parameter encoded in a ZFP pipeline entry's cd_values (mode 1 rate, 2 precision, 3 accuracy, 5 reversible).</summary>
    public (int Mode, double Value)? ZfpParameters
    {
        get
        {
            if (Id != ZfpId || ClientData.Count < 4) return null;
            var mode = (int)ClientData[0];
            return mode switch
            {
                1 or 3 => (mode, BitConverter.UInt64BitsToDouble(ClientData[2] | ((ulong)ClientData[3] << 32))),
                2 => (mode, ClientData[2]),
                _ => (mode, 0),
            };
        }
    }
}

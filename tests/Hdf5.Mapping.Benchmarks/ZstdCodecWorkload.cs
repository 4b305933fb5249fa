using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>
/// Z1, codec only: our Zstd filter's compress/decompress with either codec (libzstd or managed) (the exact calls the HDF5 filter makes) over 4 MiB chunks
/// of tutorial-like data, in memory, against <c>zstd -b3</c> on the same bytes. Both sides exclude I/O.
/// </summary>
public static class ZstdCodecWorkload
{
    public const int ChunkBytes = 256 * 2048 * 8;

    /// <summary>128 MiB of Ornstein–Uhlenbeck paths (the tutorial's process), deterministic.</summary>
    public static byte[] MakeData()
    {
        var values = new double[128 * 1024 * 1024 / 8];
        var random = new Random(7);
        double v = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (i % 1000 == 0) v = 0;
            var n = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            v += -v * 0.01 + 0.1 * 0.1 * n;
            values[i] = v;
        }
        return MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
    }

    public static (double CompressMBs, double DecompressMBs, double Ratio) Run(byte[] data, int level, int repeats, ZstdImplementation codec)
    {
        var chunks = data.Length / ChunkBytes;
        // No allocation in the timed loops: one output buffer per chunk, sized for the worst case.
        var compressed = Enumerable.Range(0, chunks).Select(_ => new byte[ZstdFilter.CompressBound(ChunkBytes)]).ToArray();
        var lengths = new int[chunks];
        var output = new byte[ChunkBytes];
        double best = double.MaxValue, bestD = double.MaxValue;
        long total = 0;
        for (int r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            total = 0;
            for (int c = 0; c < chunks; c++)
            {
                lengths[c] = ZstdFilter.CompressInto(data.AsSpan(c * ChunkBytes, ChunkBytes), level, compressed[c], codec);
                total += lengths[c];
            }
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            sw.Restart();
            for (int c = 0; c < chunks; c++)
                ZstdFilter.DecompressInto(compressed[c].AsSpan(0, lengths[c]), output, codec);
            bestD = Math.Min(bestD, sw.Elapsed.TotalSeconds);
        }
        var mb = chunks * (double)ChunkBytes / 1e6;
        return (mb / best, mb / bestD, chunks * (double)ChunkBytes / total);
    }
}

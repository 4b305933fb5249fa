namespace Hdf5.Mapping.Tests.Errors;

/// <summary>The corpus's seeded mutations, the same on every machine and .NET version: what the tests' corrupted files
/// and the corpus sweep (tests/Hdf5.Mapping.CorpusSweep) are made of.</summary>
public static class SeededMutation
{
    /// <summary>One seeded mutation of <paramref name="input"/>: flips of 1–4 bytes, a truncation, a run of 0xFF
    /// (addresses that point nowhere), or a random 32-bit value (sizes and counts out of range).</summary>
    public static byte[] Mutate(byte[] input, ulong seed)
    {
        var s = seed;
        var b = (byte[])input.Clone();
        switch ((int)(Next(ref s) % 4))
        {
            case 0:
            {
                var n = 1 + (int)(Next(ref s) % 4);
                for (int i = 0; i < n; i++)
                {
                    var pos = (int)(Next(ref s) % (ulong)b.Length);
                    b[pos] ^= (byte)(1 + Next(ref s) % 255);
                }
                return b;
            }
            case 1:
                return b[..(int)(Next(ref s) % (ulong)b.Length)];
            case 2:
            {
                var pos = (int)(Next(ref s) % (ulong)(b.Length - 8));
                b.AsSpan(pos, 8).Fill(0xFF);
                return b;
            }
            default:
            {
                var pos = (int)(Next(ref s) % (ulong)(b.Length - 4));
                BitConverter.GetBytes((uint)Next(ref s)).CopyTo(b, pos);
                return b;
            }
        }
    }

    // SplitMix64: a fixed generator, so a seed means the same mutation on every machine and .NET version.
    private static ulong Next(ref ulong s)
    {
        s += 0x9E3779B97F4A7C15UL;
        var z = s;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

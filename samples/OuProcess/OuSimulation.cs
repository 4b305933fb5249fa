namespace OuProcessSample;

/// <summary>
/// The Ornstein–Uhlenbeck process of the HUG23 h5py tutorial: dx = theta (mu − x) dt + sigma dW, simulated with the
/// Euler–Maruyama scheme for independent paths from x0 = 0. Each path draws from its own random stream, seeded by the
/// path's index (<see cref="PathStream"/>), so any subset of paths — the rows one process of a parallel run writes —
/// comes out bit for bit the same however the paths are split.
/// </summary>
public static class OuSimulation
{
    /// <summary>Simulates <paramref name="paths"/> paths of <paramref name="steps"/> steps (row p is path p).</summary>
    public static double[,] Simulate(int paths, int steps, double theta, double mu, double sigma, double dt, ulong seed = 42) =>
        SimulateRows(0, paths, steps, theta, mu, sigma, dt, seed);

    /// <summary>Simulates paths <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> − 1 only
    /// (row i is path first + i): the same values as those rows of <see cref="Simulate"/>.</summary>
    public static double[,] SimulateRows(int first, int count, int steps, double theta, double mu, double sigma, double dt, ulong seed = 42)
    {
        var x = new double[count, steps];
        var sqrtDt = Math.Sqrt(dt);
        for (int row = 0; row < count; row++)
        {
            var random = new PathStream(seed, (ulong)(first + row));
            double value = 0;
            for (int t = 0; t < steps; t++)
            {
                x[row, t] = value;
                value += theta * (mu - value) * dt + sigma * sqrtDt * random.NextNormal();
            }
        }
        return x;
    }
}

/// <summary>
/// A small, portable random stream: xoshiro256** (Blackman and Vigna, 2018) whose 256-bit state is filled by SplitMix64
/// from the seed and the stream's index, so stream i is fixed by (seed, i) alone and does not depend on the streams drawn
/// before it. Spelled out here rather than taken from <see cref="Random"/>, whose algorithm .NET may change between versions.
/// Normal deviates come from the Box–Muller transform of two uniforms, each made of 53 random bits.
/// </summary>
public struct PathStream
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The stream of index <paramref name="index"/> for <paramref name="seed"/>.</summary>
    public PathStream(ulong seed, ulong index)
    {
        // SplitMix64 over a start mixing both numbers (the golden-ratio step keeps neighbouring indices far apart).
        var z = seed ^ (index * 0x9E3779B97F4A7C15UL + 0xD1B54A32D192ED03UL);
        _s0 = SplitMix(ref z);
        _s1 = SplitMix(ref z);
        _s2 = SplitMix(ref z);
        _s3 = SplitMix(ref z);
    }

    private static ulong SplitMix(ref ulong z)
    {
        var r = z += 0x9E3779B97F4A7C15UL;
        r = (r ^ (r >> 30)) * 0xBF58476D1CE4E5B9UL;
        r = (r ^ (r >> 27)) * 0x94D049BB133111EBUL;
        return r ^ (r >> 31);
    }

    /// <summary>The next 64 random bits (xoshiro256**).</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1): the top 53 bits of <see cref="NextUInt64"/>, scaled.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal deviate (Box–Muller; the first uniform is taken from (0, 1] so the logarithm is finite).</summary>
    public double NextNormal()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

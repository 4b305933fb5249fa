namespace OuProcessSample;

/// <summary>
/// The Ornstein–Uhlenbeck process of the HUG23 h5py tutorial: dx = theta (mu − x) dt + sigma dW, simulated with
/// the Euler–Maruyama scheme for a number of independent paths from x0 = 0 with a fixed seed.
/// </summary>
public static class OuSimulation
{
    public static double[,] Simulate(int paths, int steps, double theta, double mu, double sigma, double dt, int seed = 42)
    {
        var random = new Random(seed);
        var x = new double[paths, steps];
        var sqrtDt = Math.Sqrt(dt);
        for (int p = 0; p < paths; p++)
        {
            double value = 0;
            for (int t = 0; t < steps; t++)
            {
                x[p, t] = value;
                value += theta * (mu - value) * dt + sigma * sqrtDt * Normal(random);
            }
        }
        return x;
    }

    // Box–Muller: two uniforms give a standard normal deviate.
    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}

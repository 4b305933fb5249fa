using Hdf5.Mapping;

namespace OuProcessSample;

/// <summary>
/// The tutorial's run: its parameters, the simulation of any block of its paths, and the file's content built from
/// them. The serial sample builds it from every path; the parallel sample (samples/ParallelOu) has each MPI rank build it
/// from its own block, which the mapped type's partitioned datasets put together into the same file.
/// </summary>
public static class OuTutorial
{
    /// <summary>The number of simulated paths (rows of /dataset).</summary>
    public const int Paths = 100;

    /// <summary>The number of time steps (columns of /dataset).</summary>
    public const int Steps = 1000;

    /// <summary>Simulates paths <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> − 1 with the
    /// tutorial's parameters (theta 1, mu 0, sigma 0.1, dt 0.01): each path from its own stream, so the rows are the same
    /// whichever process simulates them.</summary>
    public static double[,] SimulateRows(int first, int count) =>
        OuSimulation.SimulateRows(first, count, Steps, theta: 1.0, mu: 0.0, sigma: 0.1, dt: 0.01);

    /// <summary>The tutorial's file as one mapped object, holding <paramref name="rows"/> as the paths and as each
    /// compressed copy (each its own array, so each reference names one dataset), with the references, regions and
    /// dimension scale of the whole file.</summary>
    public static OuProcess Build(double[,] rows)
    {
        var compressed = new Compressed { Deflate = Copy(rows), Zstd = Copy(rows), ZfpAccuracy = Copy(rows) };
        return new OuProcess
        {
            Paths = rows,
            CompressedData = compressed,
            X = Enumerable.Range(0, Paths).Select(i => i * 0.5).ToArray(),
            Refs = [compressed.ZfpAccuracy, compressed.Deflate, compressed.Zstd],
            Rrefs =
            [
                new(compressed.ZfpAccuracy, H5Region.Block([0, 512], [Paths, 55])),   // zfp.regionref[:, 512:567]
                new(compressed.Deflate, H5Region.Block([19, 348], [48, 64])),         // defl.regionref[19:67, 348:412]
                new(compressed.Zstd, H5Region.Block([4, 900], [13, Steps - 900])),    // zstd.regionref[4:17, 900:]
            ],
        };
    }

    private static double[,] Copy(double[,] a) => (double[,])a.Clone();
}

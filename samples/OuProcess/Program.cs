using Hdf5.Mapping;
using OuProcessSample;

// The HUG23 "Advanced HDF5 with h5py" tutorial, step by step, in C#.
var output = args.Length > 0 ? args[0] : "ou_process.h5";
const int Paths = 100, Steps = 1000;
var data = OuSimulation.Simulate(Paths, Steps, theta: 1.0, mu: 0.0, sigma: 0.1, dt: 0.01);

using (var f = H5File.Create(output))
{
    // Parameters as the tutorial stores them: theta float32, mu a fixed 8-byte string, sigma float64 (1,1,1), dt float64.
    f.Attrs.Set("theta", 1.0f);
    f.Attrs.SetFixedString("mu", "0.000000", 8);
    f.Attrs.SetArray<double>("sigma", new double[1, 1, 1] { { { 0.1 } } });
    f.Attrs.Set("dt", 0.01);
    f.Attrs.Set("Conventions", "HUG23");
    f.Attrs.Set("title", "Content prepared for the HUG23 h5py tutorial");

    using var ds = f.Add("dataset", data);
    ds.Attrs.Set("description", "Ornstein-Uhlenbeck process paths");
    ds.Attrs.Set("version", 1);
    ds.Attrs.Set("units", "dimensionless");

    Console.WriteLine($"Wrote {output}: dataset {H5Format.Shape(ds.Shape)} {ds.DType}, layout {ds.Layout}");
    var mdc = f.GetMetadataCacheConfig();
    Console.WriteLine($"Metadata cache: version {mdc.Version}, initial size {mdc.InitialSize} bytes, max {mdc.MaxSize} bytes");

    using var compressed = f.CreateGroup("compressed");
    using var defl = compressed.Add("defl", data, new H5DatasetOptions { Chunks = [20, 250] }.With(H5Filter.Deflate(6)));
    Console.WriteLine($"compressed/defl: ratio {defl.CompressionRatio:F2}");
    Console.WriteLine();
    Console.Write(H5Listing.Format(f));
}

static class H5Format
{
    public static string Shape(long[] s) => "(" + string.Join(", ", s) + ")";
}

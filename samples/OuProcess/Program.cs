using Hdf5.Mapping;
using OuProcessSample;

// The HUG23 "Advanced HDF5 with h5py" tutorial, step by step, in C#.
// Usage: dotnet run --project samples/OuProcess -- [output.h5]
var output = args.Length > 0 ? args[0] : "ou_process.h5";
const int Paths = 100, Steps = 1000;
var data = OuSimulation.Simulate(Paths, Steps, theta: 1.0, mu: 0.0, sigma: 0.1, dt: 0.01);

using (var f = H5File.Create(output))
{
    // 1. Parameters as the tutorial's file stores them: theta float32, mu a fixed 8-byte string,
    //    sigma float64 of shape (1,1,1), dt float64.
    f.Attrs.Set("theta", 1.0f);
    f.Attrs.SetFixedString("mu", "0.000000", 8);
    f.Attrs.SetArray<double>("sigma", new double[1, 1, 1] { { { 0.1 } } });
    f.Attrs.Set("dt", 0.01);

    // 2. The simulated paths, contiguous float64 (100, 1000).
    using var ds = f.Add("dataset", data);

    // 3. Root and dataset attributes (variable-length UTF-8 strings, as h5py writes str).
    f.Attrs.Set("Conventions", "HUG23");
    f.Attrs.Set("title", "Content prepared for the HUG23 h5py tutorial");
    ds.Attrs.Set("description", "Ornstein-Uhlenbeck process: 100 paths of 1000 steps");
    ds.Attrs.Set("version", 1);
    ds.Attrs.Set("units", "dimensionless");
    Console.WriteLine($"Wrote {output}: /dataset {Format(ds.Shape)} {ds.DType}");

    // 4. The low level, as the tutorial explores it: the metadata cache and the dataset's layout.
    var mdc = f.GetMetadataCacheConfig();
    Console.WriteLine($"f.id.get_mdc_config(): version {mdc.Version}, initial size {mdc.InitialSize}, min/max {mdc.MinSize}/{mdc.MaxSize} bytes");
    using (var dcpl = ds.GetCreatePropertyList())
        Console.WriteLine($"ds.id.get_create_plist().get_layout(): {ds.Layout}");

    // 5. Compression: deflate 6, Zstd 10 (our managed filter) and ZFP fixed accuracy 1e-4, chunks of 20 x 250.
    using var compressed = f.CreateGroup("compressed");
    H5DatasetOptions Chunked(H5Filter filter) => new H5DatasetOptions { Chunks = [20, 250] }.With(filter);
    using var defl = compressed.Add("defl", data, Chunked(H5Filter.Deflate(6)));
    using var zstd = compressed.Add("zstd", data, Chunked(H5Filter.Zstd(10)));
    using var zfp = compressed.Add("zfp-fa", data, Chunked(H5Filter.ZfpAccuracy(1e-4)));
    foreach (var c in new[] { defl, zstd, zfp })
        Console.WriteLine($"{c.Name,-22} {c.Filters[0].Name,-8} compression ratio {c.CompressionRatio:F2}");

    // 6. Object references to the compressed datasets.
    using (var refs = f.Add("objrefs/refs", new[] { zfp.Reference, defl.Reference, zstd.Reference }))
        foreach (var r in refs.Read<H5ObjectReference>())
            Console.WriteLine($"objrefs/refs -> {f.GetReferenceTargetName(r)}");

    // 7. Region references: [:, 512:567] of zfp-fa, [19:67, 348:412] of defl, [4:17, 900:] of zstd.
    var rrefs = new[] { zfp.RegionRef[.., 512..567], defl.RegionRef[19..67, 348..412], zstd.RegionRef[4..17, 900..] };
    using (f.Add("regrefs/rrefs", rrefs)) { }
    var targets = new[] { (zfp, zfp[.., 512..567]), (defl, defl[19..67, 348..412]), (zstd, zstd[4..17, 900..]) };
    for (int i = 0; i < rrefs.Length; i++)
    {
        var (target, slice) = targets[i];
        var viaRef = target.ReadRegion<double>(rrefs[i]);
        var direct = slice.Read<double>();
        Console.WriteLine($"regrefs/rrefs[{i}] on {target.Name}: shape {Format(target.GetRegionShape(rrefs[i]))}, equals the direct slice: {viaRef.AsSpan().SequenceEqual(direct)}");
    }
    try
    {
        defl.ReadRegion<double>(rrefs[0]); // a region of zfp-fa applied to defl
    }
    catch (ArgumentException e)
    {
        Console.WriteLine($"Applying rrefs[0] to {defl.Name}: {e.Message.Split(Environment.NewLine)[0]}");
    }

    // 8. A dimension scale X = 0, 0.5, ..., 49.5 attached to dimension 0 of the three compressed datasets.
    using var x = f.Add("dimscale/x", Enumerable.Range(0, Paths).Select(i => i * 0.5).ToArray());
    x.MakeScale("X");
    foreach (var c in new[] { defl, zstd, zfp }) c.Dims[0].Attach(x);
    using (var scale = zfp.Dims[0]["X"])
        Console.WriteLine($"{zfp.Name}.dims[0]['X'][:4] = [{string.Join(", ", scale[..4].Read<double>())}]");

    // 9. The file as h5ls -rv would describe it.
    f.Flush();
    Console.WriteLine();
    Console.Write(H5Listing.Format(f));
}

static string Format(long[] s) => "(" + string.Join(", ", s) + ")";

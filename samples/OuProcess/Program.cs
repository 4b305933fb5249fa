using Hdf5.Mapping;
using OuProcessSample;

// The HUG23 "Advanced HDF5 with h5py" tutorial, step by step, in C#.
// Usage: dotnet run --project samples/OuProcess -- [output.h5]
var output = args.Length > 0 ? args[0] : "ou_process.h5";
const int Paths = 100, Steps = 1000;
var data = OuSimulation.Simulate(Paths, Steps, theta: 1.0, mu: 0.0, sigma: 0.1, dt: 0.01);

// 1–8. The tutorial's whole file as one mapped object: parameters, paths and their attributes, the compressed copies,
//      object references, region references and the dimension scale, written by generated code in one Write (an
//      atomic replace: the file is written beside the target and renamed over it). Each compressed dataset holds its
//      own copy of the data, so each reference names one dataset.
var compressed = new Compressed { Deflate = Copy(data), Zstd = Copy(data), ZfpAccuracy = Copy(data) };
var process = new OuProcess
{
    Paths = data,
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
process.Write(output);
var back = OuProcess.Read(output);
Console.WriteLine($"OuProcess.Read: theta {back.Theta}, mu \"{back.Mu}\", sigma {back.Sigma[0, 0, 0]}, dt {back.Dt}, paths {back.Paths.GetLength(0)} x {back.Paths.GetLength(1)}, equal: {back.Paths.Cast<double>().SequenceEqual(data.Cast<double>())}");
Console.WriteLine($"dataset attributes: description \"{back.Description}\", version {back.Version}, units \"{back.Units}\"");
Console.WriteLine($"references read back as the mapped arrays: {ReferenceEquals(back.Refs[0], back.CompressedData.ZfpAccuracy) && ReferenceEquals(back.Refs[1], back.CompressedData.Deflate) && ReferenceEquals(back.Refs[2], back.CompressedData.Zstd)}, " +
    $"regions of {string.Join(", ", back.Rrefs.Select(r => ReferenceEquals(r!.Dataset, back.CompressedData.ZfpAccuracy) ? "zfp-fa" : ReferenceEquals(r.Dataset, back.CompressedData.Deflate) ? "defl" : "zstd"))}");

// 4–9. Exploring the file through the runtime API, as the tutorial does.
using (var f = H5File.Open(output))
{
    using var ds = f.OpenDataset("dataset");
    Console.WriteLine($"Wrote {output}: /dataset {Format(ds.Shape)} {ds.DType}");

    // 4. The low level, as the tutorial explores it: the metadata cache and the dataset's layout.
    var mdc = f.GetMetadataCacheConfig();
    Console.WriteLine($"f.id.get_mdc_config(): version {mdc.Version}, initial size {mdc.InitialSize}, min/max {mdc.MinSize}/{mdc.MaxSize} bytes");
    using (var dcpl = ds.GetCreatePropertyList())
        Console.WriteLine($"ds.id.get_create_plist().get_layout(): {ds.Layout}");

    // 5. Compression: deflate 6, Zstd 10 (our managed filter) and ZFP fixed accuracy 1e-4, chunks of 20 x 250.
    using var defl = f.OpenDataset("compressed/defl");
    using var zstd = f.OpenDataset("compressed/zstd");
    using var zfp = f.OpenDataset("compressed/zfp-fa");
    foreach (var c in new[] { defl, zstd, zfp })
        Console.WriteLine($"{c.Name,-22} {c.Filters[0].Name,-8} compression ratio {c.CompressionRatio:F2}");

    // 6. The object references to the compressed datasets.
    using (var refs = f.OpenDataset("objrefs/refs"))
        foreach (var r in refs.Read<H5ObjectReference>())
            Console.WriteLine($"objrefs/refs -> {f.GetReferenceTargetName(r)}");

    // 7. The region references: [:, 512:567] of zfp-fa, [19:67, 348:412] of defl, [4:17, 900:] of zstd.
    H5RegionReference[] rrefs;
    using (var stored = f.OpenDataset("regrefs/rrefs")) rrefs = stored.Read<H5RegionReference>();
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

    // 8. The dimension scale X on dimension 0 of the compressed datasets.
    using (var scale = zfp.Dims[0]["X"])
        Console.WriteLine($"{zfp.Name}.dims[0]['X'][:4] = [{string.Join(", ", scale[..4].Read<double>())}]");

    // 9. The file as h5ls -rv would describe it.
    Console.WriteLine();
    Console.Write(H5Listing.Format(f));
}

// 10. The finished file checked against the schema the generator emitted for OuProcess (what `h5m validate` does).
var validation = OuProcess.Validate(output);
Console.WriteLine();
Console.WriteLine($"OuProcess.Validate: {(validation.IsValid ? "conforms" : "does not conform")}, {validation.Count} differences");
foreach (var d in validation) Console.WriteLine($"  {d}");

static string Format(long[] s) => "(" + string.Join(", ", s) + ")";
static double[,] Copy(double[,] a) => (double[,])a.Clone();

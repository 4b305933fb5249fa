using Hdf5.Mapping;
using OuProcessSample;

// The HUG23 "Advanced HDF5 with h5py" tutorial, step by step, in C#.
// Usage: dotnet run --project samples/OuProcess -- [output.h5]
var output = args.Length > 0 ? args[0] : "ou_process.h5";
const int Paths = 100, Steps = 1000;
var data = OuSimulation.Simulate(Paths, Steps, theta: 1.0, mu: 0.0, sigma: 0.1, dt: 0.01);

// 1–3. The mapped part of the tutorial: parameters, paths and descriptive attributes, written by generated code
//      (an atomic replace: the file is written beside the target and renamed over it).
var process = new OuProcess
{
    Paths = data,
    CompressedData = new Compressed { Deflate = data, Zstd = data, ZfpAccuracy = data },
};
process.Write(output);
var back = OuProcess.Read(output);
Console.WriteLine($"OuProcess.Read: theta {back.Theta}, mu \"{back.Mu}\", sigma {back.Sigma[0, 0, 0]}, dt {back.Dt}, paths {back.Paths.GetLength(0)} x {back.Paths.GetLength(1)}, equal: {back.Paths.Cast<double>().SequenceEqual(data.Cast<double>())}");
Console.WriteLine($"dataset attributes: description \"{back.Description}\", version {back.Version}, units \"{back.Units}\"");

// 4–9. The exploring part, through the runtime API on the same file.
using (var f = H5File.Open(output, H5FileMode.ReadWrite))
{
    using var ds = f.OpenDataset("dataset");
    Console.WriteLine($"Wrote {output}: /dataset {Format(ds.Shape)} {ds.DType}");

    // 4. The low level, as the tutorial explores it: the metadata cache and the dataset's layout.
    var mdc = f.GetMetadataCacheConfig();
    Console.WriteLine($"f.id.get_mdc_config(): version {mdc.Version}, initial size {mdc.InitialSize}, min/max {mdc.MinSize}/{mdc.MaxSize} bytes");
    using (var dcpl = ds.GetCreatePropertyList())
        Console.WriteLine($"ds.id.get_create_plist().get_layout(): {ds.Layout}");

    // 5. Compression: deflate 6, Zstd 10 (our managed filter) and ZFP fixed accuracy 1e-4, chunks of 20 x 250.
    //    (written above by the generated code of the mapped group Compressed).
    using var defl = f.OpenDataset("compressed/defl");
    using var zstd = f.OpenDataset("compressed/zstd");
    using var zfp = f.OpenDataset("compressed/zfp-fa");
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

// 10. The finished file checked against the schema the generator emitted for OuProcess (what `h5m validate` does):
//     it conforms; what steps 6–8 added beyond the mapped classes is reported as warnings, not errors.
var validation = OuProcess.Validate(output);
Console.WriteLine();
Console.WriteLine($"OuProcess.Validate: {(validation.IsValid ? "conforms" : "does not conform")}, {validation.Warnings.Count()} objects beyond the schema:");
foreach (var d in validation) Console.WriteLine($"  {d}");

static string Format(long[] s) => "(" + string.Join(", ", s) + ")";

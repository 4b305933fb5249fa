using System.Runtime.InteropServices;
using Hdf5.Mapping;
using Hdf5.Mapping.Benchmarks;

// Side-by-side comparison harness: `dotnet run -c Release --project tests/Hdf5.Mapping.Benchmarks -- [--runs N] [--only W] [--publish]`.
// Prints, per workload and implementation, the median and range of N runs, throughput and the ratio to C.

// One MPI rank of P1/P2, started by the harness under mpirun: it must select the parallel libhdf5 before any other call.
if (args.Length > 0 && args[0] == "--mpi-rank")
{
    ParallelWorkload.Rank(args[1..]);
    return;
}
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).DefaultIfEmpty(5).First();
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault(); // one workload: g1 s z1 w1r1 r1 h1 w2r2 r3 p
// --publish (full runs only): the README's table block, the chart and results-latest.txt are rewritten from this run.
var publish = args.Contains("--publish");
if (publish && only is not null) throw new ArgumentException("--publish rewrites the README's table from a full run: leave out --only.");
if (publish) Publish.CaptureConsole();
var work = Path.Combine(Path.GetTempPath(), "h5m-bench");
Directory.CreateDirectory(work);
var exe = NativeBuild.Compile(Path.Combine(AppContext.BaseDirectory, "native", "contiguous.c"), work);
var chunkedExe = NativeBuild.Compile(Path.Combine(AppContext.BaseDirectory, "native", "chunked.c"), work);

Console.WriteLine($"Machine: {Machine.Describe()}");
Console.WriteLine($"Runs per cell: {runs} (each side repeats in one warm process; files in the temp folder, page cache warm)");
Console.WriteLine();

// P1/P2: parallel writes and reads over MPI-IO on 1, 2 and 4 ranks; `--only p [--gib G]` runs just these.
if (only == "p")
{
    var gib = args.SkipWhile(a => a != "--gib").Skip(1).Select(a => double.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(1).First();
    ParallelWorkload.Run(work, runs, gib);
    return;
}

// Without --only every workload runs except R3 and P1/P2; --only names one (older short names kept: g, r).
bool Selected(params string[] names) => only is null || names.Contains(only);
var table = new Report();
var verdicts = new List<string>();

// R3: remote reads through ROS3 over loopback HTTP; `--only r3` runs just this.
if (only is "r" or "r3")
{
    RemoteWorkload.Run(work, runs);
    return;
}

// G1: the generator itself on 500 mapped types (a cold run first: JIT and Roslyn warm-up count, as in a build).
if (Selected("g", "g1"))
{
    var cold = GeneratorWorkload.Run();
    var warm = GeneratorWorkload.Run();
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"G1 generator, 500 mapped types: full run {cold.FullSeconds * 1000:F0} ms cold / {warm.FullSeconds * 1000:F0} ms warm ({warm.Generated} files); first edit after the cold run {cold.RerunSeconds * 1000:F0} ms; after an unrelated edit (warm) {warm.RerunSeconds * 1000:F0} ms, {warm.Reemitted} types re-emitted"));
    Console.WriteLine(Report.Verdict("G1 cold full run under 1 s", cold.FullSeconds, 1.0));
    Console.WriteLine(Report.Verdict("G1 warm full run under 1 s", warm.FullSeconds, 1.0));
    Console.WriteLine(Report.Verdict("G1 unrelated edit re-emits nothing", warm.Reemitted, 0));
    Console.WriteLine();
}

// S1/S2: 10,000 small objects — C (the floor), generated code, hand-written runtime calls and h5py.
if (Selected("s"))
{
    var smallExe = NativeBuild.Compile(Path.Combine(AppContext.BaseDirectory, "native", "small.c"), work);
    var cW = new List<double>(); var cR = new List<double>();
    var gW = new List<double>(); var gR = new List<double>(); var hW = new List<double>(); var hR = new List<double>();
    SmallObjectsWorkload.Generated(Path.Combine(work, "s-warm.h5")); // JIT warm-up
    SmallObjectsWorkload.HandWritten(Path.Combine(work, "s-warm.h5"));
    // A run takes seconds and this VM's noise is ±30 %: at least 7 alternating runs per side (C, generated,
    // hand-written, C, ...), so the medians settle and every side sees the same machine state.
    var smallRuns = Math.Max(runs, 7);
    for (int i = 0; i < smallRuns; i++)
    {
        var (cw, cr, cTotal) = SmallObjectsWorkload.C(smallExe, Path.Combine(work, "s-c.h5"), 1)[0];
        cW.Add(cw); cR.Add(cr);
        var (gw, gr, gTotal) = SmallObjectsWorkload.Generated(Path.Combine(work, "s-gen.h5"));
        gW.Add(gw); gR.Add(gr);
        if (gTotal != cTotal) throw new InvalidOperationException($"S2 readers disagree: C total {cTotal}, generated {gTotal}");
        var (hw, hr) = SmallObjectsWorkload.HandWritten(Path.Combine(work, "s-hand.h5"));
        hW.Add(hw); hR.Add(hr);
    }
    var py = SmallObjectsWorkload.H5py(Path.Combine(work, "s-py.h5"), runs);
    const string s1 = "S1 write 10,000 small groups", s2 = "S2 read 10,000 small groups";
    table.Add(s1, "C libhdf5", Stats.Of(cW), 0, Stats.Of(cW));
    table.Add(s1, "generated code", Stats.Of(gW), 0, Stats.Of(cW));
    table.Add(s1, "hand-written runtime", Stats.Of(hW), 0, Stats.Of(cW));
    table.Add(s1, "h5py", Stats.Of(py.Select(x => x.Write).ToList()), 0, Stats.Of(cW));
    table.Add(s2, "C libhdf5", Stats.Of(cR), 0, Stats.Of(cR));
    table.Add(s2, "generated code", Stats.Of(gR), 0, Stats.Of(cR));
    table.Add(s2, "hand-written runtime", Stats.Of(hR), 0, Stats.Of(cR));
    table.Add(s2, "h5py", Stats.Of(py.Select(x => x.Read).ToList()), 0, Stats.Of(cR));
    verdicts.Add(Report.Verdict("S1 generated within 1.1x of C", Stats.Of(gW).Median / Stats.Of(cW).Median, 1.1));
    verdicts.Add(Report.Verdict("S2 generated within 1.1x of C", Stats.Of(gR).Median / Stats.Of(cR).Median, 1.1));
    verdicts.Add(Report.Verdict("S1 generated within 1.2x of hand-written", Stats.Of(gW).Median / Stats.Of(hW).Median, 1.2));
    verdicts.Add(Report.Verdict("S2 generated within 1.2x of hand-written", Stats.Of(gR).Median / Stats.Of(hR).Median, 1.2));
    verdicts.Add(Report.Verdict("S1 generated faster than h5py", Stats.Of(gW).Median / Stats.Of(py.Select(x => x.Write).ToList()).Median, 1.0));
    verdicts.Add(Report.Verdict("S2 generated faster than h5py", Stats.Of(gR).Median / Stats.Of(py.Select(x => x.Read).ToList()).Median, 1.0));
}

// Z1 codec first, before the 512 MiB arrays exist, so nothing else competes with it: the filter's codec (libzstd
// when it loads) and the managed fallback against the zstd CLI on the same bytes.
if (Selected("z1"))
{
    var ouBytes = ZstdCodecWorkload.MakeData();
    var raw = Path.Combine(work, "z1-raw.bin");
    File.WriteAllBytes(raw, ouBytes);
    var (cliC, cliD) = ChunkedWorkload.ZstdCli(raw);
    File.Delete(raw);
    foreach (var codec in new[] { ZstdImplementation.Native, ZstdImplementation.Managed })
    {
        if (codec == ZstdImplementation.Native && !ZstdFilter.IsNativeAvailable) continue;
        ZstdCodecWorkload.Run(ouBytes, 3, 2, codec); // warm-up: let the JIT reach tier 1 for the codec
        var (codecC, codecD, codecRatio) = ZstdCodecWorkload.Run(ouBytes, 3, Math.Max(runs, 5), codec);
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Z1 codec, 128 MiB of OU paths in 4 MiB chunks, in memory: {codec} {codecC:F0} MB/s compress, {codecD:F0} MB/s decompress (ratio {codecRatio:F2}); zstd -b3 CLI {cliC:F0} / {cliD:F0} MB/s"));
        var limit = codec == ZstdFilter.Implementation ? 1.05 : 1.5;
        verdicts.Add(Report.Verdict($"Z1 {codec} Zstd compress within {limit}x of the zstd CLI (time per MiB, codec in memory)", cliC / codecC, limit));
        verdicts.Add(Report.Verdict($"Z1 {codec} Zstd decompress within {limit}x of the zstd CLI (time per MiB, codec in memory)", cliD / codecD, limit));
    }
    Console.WriteLine();
}

var data = Selected("w1r1") ? ContiguousWorkload.MakeData() : new double[0, 0];
var w1File = Path.Combine(work, "w1-c.h5");
const double MiB = 512;
if (Selected("w1r1"))
{
    ContiguousWorkload.RunCSharp(Path.Combine(work, "warmup.h5"), data); // JIT and first-touch of the array
    File.Delete(Path.Combine(work, "warmup.h5"));

    // The C side runs its repetitions inside one process, as the C# side does: both are warm (allocator, caches).
    var cW = new List<double>(); var cR = new List<double>(); var sW = new List<double>(); var sR = new List<double>();
    Machine.Sync();
    foreach (var (w, r) in ContiguousWorkload.RunC(exe, w1File, runs)) { cW.Add(w); cR.Add(r); }
    Machine.Sync();
    for (int i = 0; i < runs; i++)
    {
        File.Delete(Path.Combine(work, "w1-cs.h5"));
        var (cw, cr) = ContiguousWorkload.RunCSharp(Path.Combine(work, "w1-cs.h5"), data);
        sW.Add(cw.Median); sR.Add(cr.Median);
    }

    // Each W1 run leaves 512 MiB of dirty pages: flush them before the next implementation's writes, so that no row
    // pays for the writeback of another's.
    Machine.Sync();
    var genW1 = new List<double>(); var genR1 = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var (gw, gr) = GeneratedBulkWorkload.Run(Path.Combine(work, "w1-gen.h5"), data);
        genW1.Add(gw); genR1.Add(gr);
    }
    Machine.Sync();
    var pyW1 = PeerWorkloads.H5py("w1", Path.Combine(work, "w1-py.h5"), runs);
    var pureR1 = Enumerable.Range(0, runs).Select(_ => PeerWorkloads.ReadPureHdf(w1File)).ToList();
    table.Add("W1 write 512 MiB contiguous", "C libhdf5", Stats.Of(cW), MiB, Stats.Of(cW));
    table.Add("W1 write 512 MiB contiguous", "Hdf5.Mapping", Stats.Of(sW), MiB, Stats.Of(cW));
    table.Add("W1 write 512 MiB contiguous", "generated code", Stats.Of(genW1), MiB, Stats.Of(cW));
    table.Add("W1 write 512 MiB contiguous", "h5py", Stats.Of(pyW1.Select(x => x[0]).ToList()), MiB, Stats.Of(cW));
    table.Add("R1 read 512 MiB contiguous", "C libhdf5", Stats.Of(cR), MiB, Stats.Of(cR));
    table.Add("R1 read 512 MiB contiguous", "Hdf5.Mapping", Stats.Of(sR), MiB, Stats.Of(cR));
    table.Add("R1 read 512 MiB contiguous", "generated code (new array)", Stats.Of(genR1), MiB, Stats.Of(cR));
    table.Add("R1 read 512 MiB contiguous", "h5py", Stats.Of(pyW1.Select(x => x[1]).ToList()), MiB, Stats.Of(cR));
    table.Add("R1 read 512 MiB contiguous", "PureHDF", Stats.Of(pureR1), MiB, Stats.Of(cR));
    AddViewAndFreshRows();
    verdicts.Add(Report.Verdict("W1 within 1.1x of C", Stats.Of(sW).Median / Stats.Of(cW).Median, 1.1));
    verdicts.Add(Report.Verdict("R1 within 1.1x of C", Stats.Of(sR).Median / Stats.Of(cR).Median, 1.1));
}

// `--only r1`: just R1's like-for-like pairs (mapped view, new memory) on the C-written W1 file.
if (only == "r1")
{
    if (!File.Exists(w1File)) ContiguousWorkload.RunC(exe, w1File, 1);
    AddViewAndFreshRows();
}

// H1: 10,000 random 1 x 256 hyperslab reads of the W1 file; every reader must see the same values (checksum).
if (Selected("h1"))
{
    if (!File.Exists(w1File)) ContiguousWorkload.RunC(exe, w1File, 1);
    var hyperExe = NativeBuild.Compile(Path.Combine(AppContext.BaseDirectory, "native", "hyperslab.c"), work);
    var positions = PeerWorkloads.Positions();
    var hc = PeerWorkloads.H1C(hyperExe, w1File, runs);
    PeerWorkloads.H1Ours(w1File, positions); // JIT warm-up
    var ho = Enumerable.Range(0, runs).Select(_ => PeerWorkloads.H1Ours(w1File, positions)).ToList();
    PeerWorkloads.H1Slices(w1File, positions);
    var hs = Enumerable.Range(0, runs).Select(_ => PeerWorkloads.H1Slices(w1File, positions)).ToList();
    var hp = PeerWorkloads.H5py("h1", w1File, runs);
    PeerWorkloads.H1PureHdf(w1File, positions);
    var hu = Enumerable.Range(0, runs).Select(_ => PeerWorkloads.H1PureHdf(w1File, positions)).ToList();
    var sums = new[] { hc[0].Checksum, ho[0].Checksum, hs[0].Checksum, hp[0][1], hu[0].Checksum };
    if (sums.Distinct().Count() != 1) throw new InvalidOperationException($"H1 readers disagree: checksums {string.Join(", ", sums)}");
    var h1MiB = PeerWorkloads.Reads * PeerWorkloads.Width * 8 / 1048576.0;
    var floor = Stats.Of(hc.Select(x => x.Seconds).ToList());
    table.Add("H1 10,000 random 1x256 reads", "C libhdf5", floor, h1MiB, floor);
    table.Add("H1 10,000 random 1x256 reads", "Hdf5.Mapping reader", Stats.Of(ho.Select(x => x.Seconds).ToList()), h1MiB, floor);
    table.Add("H1 10,000 random 1x256 reads", "Hdf5.Mapping slices", Stats.Of(hs.Select(x => x.Seconds).ToList()), h1MiB, floor);
    table.Add("H1 10,000 random 1x256 reads", "h5py", Stats.Of(hp.Select(x => x[0]).ToList()), h1MiB, floor);
    table.Add("H1 10,000 random 1x256 reads", "PureHDF", Stats.Of(hu.Select(x => x.Seconds).ToList()), h1MiB, floor);
    verdicts.Add(Report.Verdict("H1 reader within 0.8x of C", Stats.Of(ho.Select(x => x.Seconds).ToList()).Median / floor.Median, 0.8));
}

// W2/R2: chunked + shuffle + deflate 1; and the same data through HDF5 with the Zstd filter at level 3.
if (Selected("w2r2"))
{
    data = ChunkedWorkload.MakeData();
    var c2W = new List<double>(); var c2R = new List<double>(); var s2W = new List<double>(); var s2R = new List<double>();
    var zW = new List<double>(); var zR = new List<double>();
    foreach (var (w, r) in ContiguousWorkload.RunC(chunkedExe, Path.Combine(work, "w2-c.h5"), runs)) { c2W.Add(w); c2R.Add(r); }
    for (int i = 0; i < runs; i++)
    {
        foreach (var old in Directory.GetFiles(work, "w2-cs.h5").Concat(Directory.GetFiles(work, "w2-zstd.h5"))) File.Delete(old);
        var (cw, cr) = ChunkedWorkload.Run(Path.Combine(work, "w2-cs.h5"), data, H5Filter.Shuffle(), H5Filter.Deflate(1));
        s2W.Add(cw); s2R.Add(cr);
        var (zw, zr) = ChunkedWorkload.Run(Path.Combine(work, "w2-zstd.h5"), data, H5Filter.Zstd(3));
        zW.Add(zw); zR.Add(zr);
        if (i == 0) // the same work on both sides: the compressed files must be the same size (within metadata)
            Console.WriteLine($"W2 file sizes: C {new FileInfo(Path.Combine(work, "w2-c.h5")).Length} bytes, Hdf5.Mapping {new FileInfo(Path.Combine(work, "w2-cs.h5")).Length} bytes, Zstd-3 {new FileInfo(Path.Combine(work, "w2-zstd.h5")).Length} bytes");
    }
    table.Add("W2 write chunked shuffle+deflate1", "C libhdf5", Stats.Of(c2W), MiB, Stats.Of(c2W));
    table.Add("W2 write chunked shuffle+deflate1", "Hdf5.Mapping", Stats.Of(s2W), MiB, Stats.Of(c2W));
    var pyW2 = PeerWorkloads.H5py("w2", Path.Combine(work, "w2-py.h5"), runs);
    // PureHDF inflates chunks far slower than zlib (about 100 s for this file here): one run keeps the harness short.
    var pureR2 = new List<double> { PeerWorkloads.ReadPureHdf(Path.Combine(work, "w2-c.h5")) };
    table.Add("W2 write chunked shuffle+deflate1", "h5py", Stats.Of(pyW2.Select(x => x[0]).ToList()), MiB, Stats.Of(c2W));
    table.Add("R2 read chunked shuffle+deflate1", "C libhdf5", Stats.Of(c2R), MiB, Stats.Of(c2R));
    table.Add("R2 read chunked shuffle+deflate1", "Hdf5.Mapping", Stats.Of(s2R), MiB, Stats.Of(c2R));
    table.Add("R2 read chunked shuffle+deflate1", "h5py", Stats.Of(pyW2.Select(x => x[1]).ToList()), MiB, Stats.Of(c2R));
    table.Add("R2 read chunked shuffle+deflate1", "PureHDF", Stats.Of(pureR2), MiB, Stats.Of(c2R));
    Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Z1 {ZstdFilter.Implementation} Zstd level 3 through HDF5 (write/read 512 MiB, 4 MiB chunks): {Stats.Of(zW).Format()} = {536.870912 / Stats.Of(zW).Median:F0} MB/s compress, {Stats.Of(zR).Format()} = {536.870912 / Stats.Of(zR).Median:F0} MB/s decompress"));
    verdicts.Add(Report.Verdict("W2 within 1.1x of C", Stats.Of(s2W).Median / Stats.Of(c2W).Median, 1.1));
    verdicts.Add(Report.Verdict("R2 within 1.1x of C", Stats.Of(s2R).Median / Stats.Of(c2R).Median, 1.1));
}

// R1 pairs that compare like with like: a view summed in place vs C reading and summing; a new array vs a new malloc.
void AddViewAndFreshRows()
{
    var readSum = NativeBuild.Compile(Path.Combine(AppContext.BaseDirectory, "native", "readsum.c"), work);
    var count = Math.Max(runs, 5);
    var cSum = ViewAndFreshWorkload.RunC(readSum, w1File, "sum", count);
    ViewAndFreshWorkload.MappedSum(w1File);
    var mapped = Enumerable.Range(0, count).Select(_ => ViewAndFreshWorkload.MappedSum(w1File)).ToList();
    if (mapped[0].Sum != cSum[0].Sum) throw new InvalidOperationException($"R1 sums disagree: C {cSum[0].Sum}, mapped view {mapped[0].Sum}");
    var cFresh = ViewAndFreshWorkload.RunC(readSum, w1File, "fresh", count);
    var fresh = Enumerable.Range(0, count).Select(_ => ViewAndFreshWorkload.FreshArray(w1File).Seconds).ToList();
    var generated = Enumerable.Range(0, count).Select(_ => ViewAndFreshWorkload.FreshGenerated(w1File).Seconds).ToList();
    var huge = Enumerable.Range(0, count).Select(_ => ViewAndFreshWorkload.FreshHugePages(w1File)).ToList();
    if (huge[0].Last != ViewAndFreshWorkload.FreshArray(w1File).Last) throw new InvalidOperationException("R1 huge-page read disagrees with the array read");
    var sumFloor = Stats.Of(cSum.Select(x => x.Seconds).ToList());
    var freshFloor = Stats.Of(cFresh.Select(x => x.Seconds).ToList());
    table.Add("R1 read + sum of all elements", "C libhdf5 (reused buffer)", sumFloor, MiB, sumFloor);
    table.Add("R1 read + sum of all elements", "Hdf5.Mapping mapped view", Stats.Of(mapped.Select(x => x.Seconds).ToList()), MiB, sumFloor);
    table.Add("R1 read into new memory", "C libhdf5 (fresh malloc)", freshFloor, MiB, freshFloor);
    table.Add("R1 read into new memory", "Hdf5.Mapping Read<double>()", Stats.Of(fresh), MiB, freshFloor);
    table.Add("R1 read into new memory", "generated code (new array)", Stats.Of(generated), MiB, freshFloor);
    table.Add("R1 read into new memory", "Hdf5.Mapping ReadNative<double>() (huge pages)", Stats.Of(huge.Select(x => x.Seconds).ToList()), MiB, freshFloor);
    verdicts.Add(Report.Verdict("R1 generated read into a new array within 1.0x of C into a fresh malloc", Stats.Of(generated).Median / freshFloor.Median, 1.0));
    verdicts.Add(Report.Verdict("R1 Read<double>() into a new array within 1.0x of C into a fresh malloc", Stats.Of(fresh).Median / freshFloor.Median, 1.0));
    verdicts.Add(Report.Verdict("R1 ReadNative<double>() on huge pages within 1.0x of C into a fresh malloc", Stats.Of(huge.Select(x => x.Seconds).ToList()).Median / freshFloor.Median, 1.0));
}

if (table.Rows.Count > 0)
{
    Console.Write(table.Format());
    // The chart is the full run's: a single workload's rows would replace it with a partial picture.
    if (only is null && !publish)
    {
        File.WriteAllText(Path.Combine(Chart.RepoFolder(), "results-latest.svg"), Chart.Svg(table.Rows, $"Time relative to C libhdf5 (lower is better) — {Machine.Describe()}"));
        Console.WriteLine("(chart: results-latest.svg)");
    }
    Console.WriteLine();
}
foreach (var verdict in verdicts) Console.WriteLine(verdict);
if (publish) Publish.Write(table, Machine.Describe());
foreach (var f in Directory.GetFiles(work, "*.h5")) File.Delete(f);

using Hdf5.Mapping.Benchmarks;

// Side-by-side comparison harness: `dotnet run -c Release --project tests/Hdf5.Mapping.Benchmarks -- [--runs N]`.
// Prints, per workload and implementation, the median and range of N runs, throughput and the ratio to C.
var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).DefaultIfEmpty(5).First();
var work = Path.Combine(Path.GetTempPath(), "h5m-bench");
Directory.CreateDirectory(work);
var exe = NativeBuild.Compile(Path.Combine(AppContext.BaseDirectory, "native", "contiguous.c"), work);

Console.WriteLine($"Machine: {Machine.Describe()}");
Console.WriteLine($"Runs per cell: {runs} (alternating C and C#; files in {work}, page cache warm)");
Console.WriteLine();

var data = ContiguousWorkload.MakeData();
ContiguousWorkload.RunCSharp(Path.Combine(work, "warmup.h5"), data); // JIT and first-touch of the array
File.Delete(Path.Combine(work, "warmup.h5"));

var cW = new List<double>(); var cR = new List<double>(); var sW = new List<double>(); var sR = new List<double>();
for (int i = 0; i < runs; i++)
{
    // Each write starts from no file, so neither side pays for truncating the other's 512 MiB.
    foreach (var old in Directory.GetFiles(work, "w1-*.h5")) File.Delete(old);
    var (w, r) = ContiguousWorkload.RunC(exe, Path.Combine(work, "w1-c.h5"));
    cW.Add(w); cR.Add(r);
    var (cw, cr) = ContiguousWorkload.RunCSharp(Path.Combine(work, "w1-cs.h5"), data);
    sW.Add(cw.Median); sR.Add(cr.Median);
}

const double MiB = 512;
var table = new Report();
table.Add("W1 write 512 MiB contiguous", "C libhdf5", Stats.Of(cW), MiB, Stats.Of(cW));
table.Add("W1 write 512 MiB contiguous", "Hdf5.Mapping", Stats.Of(sW), MiB, Stats.Of(cW));
table.Add("R1 read 512 MiB contiguous", "C libhdf5", Stats.Of(cR), MiB, Stats.Of(cR));
table.Add("R1 read 512 MiB contiguous", "Hdf5.Mapping", Stats.Of(sR), MiB, Stats.Of(cR));
Console.Write(table.Format());
Console.WriteLine();
Console.WriteLine(Report.Verdict("issue 2: W1 within 1.1x of C", Stats.Of(sW).Median / Stats.Of(cW).Median, 1.1));
Console.WriteLine(Report.Verdict("issue 2: R1 within 1.1x of C", Stats.Of(sR).Median / Stats.Of(cR).Median, 1.1));
foreach (var f in Directory.GetFiles(work, "*.h5")) File.Delete(f);

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// dotnet run -c Release --project tests/Hdf5.Mapping.MicroBenchmarks -- --filter '*'
// Results (with allocations) land in BenchmarkDotNet.Artifacts/results; the latest run is copied into README.md here.
// The benchmarks run in this process (the in-process toolchain): BenchmarkDotNet's default generates and builds a
// separate project per run, which fails beside the repository's build settings and takes minutes on 2 cores.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(Hdf5.Mapping.MicroBenchmarks.HotPaths).Assembly).Run(args, config);

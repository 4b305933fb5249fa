using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Hdf5.Mapping.MicroBenchmarks -- --filter '*'
// Results (with allocations) land in BenchmarkDotNet.Artifacts/results; the latest run is copied into README.md here.
BenchmarkSwitcher.FromAssembly(typeof(Hdf5.Mapping.MicroBenchmarks.HotPaths).Assembly).Run(args);

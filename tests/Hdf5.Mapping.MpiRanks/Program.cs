using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.MpiRanks;
using Hdf5.Mapping.Mpi;

// Usage (under mpirun): Hdf5.Mapping.MpiRanks SCENARIO FILE RESULTS_FOLDER [ARGS...]
// Every rank runs SCENARIO on FILE and writes RESULTS_FOLDER/SCENARIO.rank<R>.json. The parallel libhdf5 is chosen
// explicitly, so the program runs on it whatever HDF5_MAPPING_LIBHDF5 names.
H5Library.UseParallel();
using var mpi = H5Mpi.Initialize();
var (scenario, file, folder) = (args[0], args[1], args[2]);
var results = new RankResults(H5Communicator.World.Rank);
Action run = scenario switch
{
    "runtime" => () => RuntimeScenarios.WriteAndRead(file, results),
    "failing-rank" => () => RuntimeScenarios.FailingRank(file, results),
    "read-peer" => () => RuntimeScenarios.ReadPeerFile(file, results),
    "mapped" => () => MappedScenarios.WriteAndRead(file, results),
    "mapped-mismatch" => () => MappedScenarios.MismatchedRows(file, results),
    "shared" => () => SharedScenarios.WriteOnce(file, results),
    _ => throw new ArgumentException($"unknown scenario '{scenario}'"),
};
run();
results.Save(Path.Combine(folder, $"{scenario}.rank{H5Communicator.World.Rank}.json"));

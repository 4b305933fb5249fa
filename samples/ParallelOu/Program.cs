using Hdf5.Mapping;
using Hdf5.Mapping.LowLevel;
using Hdf5.Mapping.Mpi;
using OuProcessSample;

// The OuProcess sample's file written by every rank of an MPI job at once: each rank simulates its own block of the
// paths (each path from its own random stream) and the mapped type's partitioned datasets put the blocks together, so
// the file's data is bit for bit the serial sample's, for any number of ranks.
// Usage: bash samples/run-parallel.sh N [output.h5]   (mpirun -np N dotnet samples/ParallelOu/bin/Release/net10.0/ParallelOu.dll [output.h5])
H5Library.UseParallel(); // the MPI build of libhdf5, before any other HDF5 call
using var mpi = H5Mpi.Initialize();
var comm = H5Communicator.World;
var output = args.Length > 0 ? args[0] : "ou_process.h5";

var mine = H5RowPartition.Even(OuTutorial.Paths, comm);
var rows = OuTutorial.SimulateRows((int)mine.Start, (int)mine.Count);
OuTutorial.Build(rows).Write(output, comm); // collective: metadata by every rank together, each rank's rows in one transfer

// Every rank reads its block back (an even block: the same rows it wrote) and checks it.
var back = OuProcess.Read(output, comm);
var exact = new[] { back.Paths, back.CompressedData.Deflate, back.CompressedData.Zstd }.All(a => Same(a, rows));
var zfpError = MaxError(back.CompressedData.ZfpAccuracy, rows);
var allExact = comm.Min(exact ? 1 : 0) == 1;
var worstZfp = comm.AllGather(BitConverter.DoubleToInt64Bits(zfpError)).Max(BitConverter.Int64BitsToDouble);
var blocks = comm.AllGather(mine.Count);
if (comm.Rank == 0)
{
    Console.WriteLine($"ParallelOu: {comm.Size} ranks wrote {output}: /dataset ({OuTutorial.Paths}, {OuTutorial.Steps}), rows per rank {string.Join(", ", blocks)}");
    Console.WriteLine($"every rank read its rows back: /dataset, defl and zstd exact: {allExact}; zfp-fa within 1e-4: {worstZfp <= 1e-4} (max error {worstZfp:G3})");
    var validation = OuProcess.Validate(output);
    Console.WriteLine($"OuProcess.Validate: {(validation.IsValid ? "conforms" : "does not conform")}, {validation.Count} differences");
    foreach (var d in validation) Console.WriteLine($"  {d}");
}
comm.Barrier();
return allExact && worstZfp <= 1e-4 ? 0 : 1;

static bool Same(double[,] a, double[,] b) =>
    a.GetLength(0) == b.GetLength(0) && a.GetLength(1) == b.GetLength(1) && a.Cast<double>().SequenceEqual(b.Cast<double>());

static double MaxError(double[,] a, double[,] b) =>
    a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1) ? double.PositiveInfinity
        : a.Cast<double>().Zip(b.Cast<double>(), (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();

using System.CommandLine;
using Hdf5.Mapping.Tool;
using Hdf5.Mapping.Tool.Commands;

// h5m: list, dump, scaffold and validate HDF5 files. Exit codes: see ExitCodes (0 ok, 1 invalid, 2 usage,
// 3 bad input, 4 bad schema, 5 failure, 6 file crashes or hangs libhdf5).
var root = new RootCommand("h5m: list, dump, scaffold and validate HDF5 files (Hdf5.Mapping). Files are read in a child process, so a corrupt file " +
    "that crashes or hangs libhdf5 cannot take h5m down (--in-process reads trusted files directly).\nExit codes: 0 success, 1 file does not conform " +
    "(validate), 2 wrong command line, 3 missing or unreadable input, 4 schema not loadable, 5 other failure, 6 the file crashes or hangs libhdf5.")
{
    LsCommand.Create(),
    DumpCommand.Create(),
    ScaffoldCommand.Create(),
    ValidateCommand.Create(),
};
root.Options.Add(Isolation.InProcess);
root.Options.Add(Isolation.Timeout);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"h5m: {error.Message}");
    Console.Error.WriteLine("Run 'h5m --help' (or 'h5m <verb> --help') for usage.");
    return ExitCodes.Usage;
}
if (Isolation.ShouldIsolate(parse)) return Isolation.RunInChild(parse, args);
// The walks over a file recurse once per group level: run them on a thread with room for very deep (valid) files.
var exitCode = ExitCodes.Failure;
var worker = new Thread(() => exitCode = parse.Invoke(), maxStackSize: 256 * 1024 * 1024);
worker.Start();
worker.Join();
return exitCode;

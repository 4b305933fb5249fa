using System.CommandLine;
using Hdf5.Mapping.Design.Inspection;

namespace Hdf5.Mapping.Tool.Commands;

/// <summary><c>h5m dump file[/path] [--max-values N] [-o out.json]</c>: a JSON description of the file.</summary>
internal static class DumpCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("file[/path]") { Description = "The file, optionally followed by the path of a group or dataset in it." };
        var maxValues = new Option<long>("--max-values") { Description = "Include the values of datasets with at most this many elements (0: none).", DefaultValueFactory = _ => 1000 };
        var output = new Option<string?>("--output", "-o") { Description = "Write the JSON to this file instead of standard output." };
        var command = new Command("dump", "Describe a file, group or dataset as JSON: types, shapes, storage, attributes, scales, and the values of small datasets.")
        {
            target, maxValues, output,
        };
        command.SetAction(parse => ToolCommand.Run(() =>
        {
            var (file, path) = FileAndPath.Split(parse.GetValue(target)!);
            var limit = parse.GetValue(maxValues);
            if (limit < 0) throw new ToolException(ExitCodes.Usage, "--max-values must be 0 or more");
            using var h5 = H5File.Open(file);
            using var obj = path == "/" ? h5.OpenGroup("/") : h5.OpenObject(path);
            var outPath = parse.GetValue(output);
            return ConsoleProgress.Run("describing", progress =>
            {
                var options = new H5JsonOptions { MaxValues = limit, Progress = progress };
                if (outPath is null)
                {
                    using var stdout = Console.OpenStandardOutput();
                    H5JsonDescription.Write(obj, stdout, options);
                    stdout.Write("\n"u8);
                }
                else
                {
                    // Written beside the target, then moved over it: a failed dump leaves no half-written JSON.
                    var temp = outPath + ".tmp";
                    using (var stream = File.Create(temp)) H5JsonDescription.Write(obj, stream, options);
                    File.Move(temp, outPath, overwrite: true);
                }
                return ExitCodes.Success;
            });
        }));
        return command;
    }
}

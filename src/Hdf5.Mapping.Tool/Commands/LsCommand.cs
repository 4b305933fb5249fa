using System.CommandLine;
using Hdf5.Mapping.Design.Inspection;

namespace Hdf5.Mapping.Tool.Commands;

/// <summary><c>h5m ls [-r] [-v] file[/path]</c>: the members of a group as a tree (like <c>h5ls</c>).</summary>
internal static class LsCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("file[/path]") { Description = "The file, optionally followed by the path of a group or dataset in it (file.h5/gt1l/heights)." };
        var recursive = new Option<bool>("--recursive", "-r") { Description = "List every level below the group (h5ls -r)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also show attributes with their values, layout, chunks, filters, storage and dimension scales (h5ls -v)." };
        var command = new Command("ls", "List a group's members as a tree: kind, datatype and shape of each.") { target, recursive, verbose };
        command.SetAction(parse => ToolCommand.Run(() =>
        {
            var (file, path) = FileAndPath.Split(parse.GetValue(target)!);
            using var h5 = H5File.Open(file);
            string text;
            if (path != "/" && h5.GetKind(path) == H5ObjectKind.Dataset)
            {
                using var dataset = h5.OpenDataset(path);
                text = H5Tree.Format(dataset, parse.GetValue(verbose));
            }
            else
            {
                using var group = path == "/" ? h5.OpenGroup("/") : h5.OpenGroup(path);
                text = ConsoleProgress.Run("listing", progress => H5Tree.Format(group, parse.GetValue(recursive), parse.GetValue(verbose), progress));
            }
            Console.Out.Write(text);
            return ExitCodes.Success;
        }));
        return command;
    }
}

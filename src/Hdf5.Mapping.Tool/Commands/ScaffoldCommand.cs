using System.CommandLine;
using Hdf5.Mapping.Design.Scaffolding;

namespace Hdf5.Mapping.Tool.Commands;

/// <summary><c>h5m scaffold file.h5 --namespace N --out Dir</c>: annotated classes that read files like this one.</summary>
internal static class ScaffoldCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The HDF5 file to scaffold classes from." };
        var ns = new Option<string>("--namespace", "-n") { Description = "The namespace of the generated classes.", Required = true };
        var outDir = new Option<string>("--out", "-o") { Description = "The folder to write the .cs files into (created if needed).", Required = true };
        var rootClass = new Option<string?>("--root-class") { Description = "The name of the [H5File] class (default: from the file name)." };
        var lazyAbove = new Option<long?>("--lazy-above") { Description = "Datasets larger than this many bytes become lazy H5Dataset<T> properties." };
        var paths = new Option<string[]>("--path", "-p") { Description = "Scaffold only this path and what is below it (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("scaffold", "Generate annotated partial classes (C#) that map files with this file's layout; the HDF5 names are kept in the attributes.")
        {
            file, ns, outDir, rootClass, lazyAbove, paths,
        };
        command.SetAction(parse => ToolCommand.Run(() =>
        {
            var input = parse.GetValue(file)!;
            if (!File.Exists(input)) throw new ToolException(ExitCodes.BadInput, $"{input}: no such file");
            var nsValue = parse.GetValue(ns)!;
            if (!System.Text.RegularExpressions.Regex.IsMatch(nsValue, @"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"))
                throw new ToolException(ExitCodes.Usage, $"--namespace '{nsValue}' is not a C# namespace");
            var result = ConsoleProgress.Run("scaffolding", progress => H5Scaffolder.Scaffold(input, new H5ScaffoldOptions
            {
                Namespace = nsValue,
                RootClassName = parse.GetValue(rootClass),
                LazyAboveBytes = parse.GetValue(lazyAbove),
                Paths = parse.GetValue(paths),
                Progress = progress,
            }));
            var written = result.WriteTo(parse.GetValue(outDir)!);
            Console.Out.WriteLine($"Scaffolded {result.ObjectCount} objects of {input} into {written.Count} files in {parse.GetValue(outDir)} (root class {result.Namespace}.{result.RootClassName}):");
            foreach (var w in written) Console.Out.WriteLine("  " + Path.GetFileName(w));
            if (result.Skipped.Count > 0)
            {
                Console.Out.WriteLine($"Not mapped ({result.Skipped.Count}; comments in the sources say why):");
                foreach (var s in result.Skipped) Console.Out.WriteLine("  " + s);
            }
            return ExitCodes.Success;
        }));
        return command;
    }
}

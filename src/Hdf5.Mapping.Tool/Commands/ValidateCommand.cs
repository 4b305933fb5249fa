using System.CommandLine;
using System.Reflection;
using System.Runtime.Loader;
using Hdf5.Mapping.Schema;

namespace Hdf5.Mapping.Tool.Commands;

/// <summary><c>h5m validate file.h5 --schema Assembly.dll:Type</c>: every difference between a file and a mapped type's schema.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "The HDF5 file to check." };
        var schema = new Option<string>("--schema", "-s")
        {
            Description = "The mapped type whose schema the file must follow: path/to/Assembly.dll:Namespace.Type (the type's simple name works when it is unique).",
            Required = true,
        };
        var noExtras = new Option<bool>("--no-extras") { Description = "Do not report objects and attributes the schema does not describe." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing; the exit code says it all (0 conforms, 1 does not)." };
        var command = new Command("validate", "Check a file against the schema of an [H5File]/[H5Group] class and list every difference with its path.")
        {
            file, schema, noExtras, quiet,
        };
        command.SetAction(parse => ToolCommand.Run(() =>
        {
            var input = parse.GetValue(file)!;
            if (!File.Exists(input)) throw new ToolException(ExitCodes.BadInput, $"{input}: no such file");
            var (type, groupSchema) = LoadSchema(parse.GetValue(schema)!);
            var result = ConsoleProgress.Run("validating", progress =>
                H5SchemaValidator.Validate(input, groupSchema, new H5ValidationOptions { ReportExtras = !parse.GetValue(noExtras), Progress = progress }));
            if (!parse.GetValue(quiet))
            {
                foreach (var d in result) Console.Out.WriteLine(d);
                var errors = result.Errors.Count();
                var warnings = result.Warnings.Count();
                Console.Out.WriteLine(result.IsValid
                    ? $"{input} conforms to {type.FullName}{(warnings > 0 ? $" ({warnings} warning{(warnings == 1 ? "" : "s")})" : "")}."
                    : $"{input} does not conform to {type.FullName}: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}.");
            }
            return result.IsValid ? ExitCodes.Success : ExitCodes.Invalid;
        }));
        return command;
    }

    // Assembly.dll:Type → the type's static H5Schema (emitted by the generator). The assembly is loaded with its own
    // dependencies, but Hdf5.Mapping is shared with the tool so that the schema's types are the tool's.
    private static (Type Type, H5GroupSchema Schema) LoadSchema(string spec)
    {
        var colon = spec.LastIndexOf(':');
        if (colon <= 0 || colon == spec.Length - 1)
            throw new ToolException(ExitCodes.Usage, $"--schema '{spec}' is not Assembly.dll:Type");
        var assemblyPath = Path.GetFullPath(spec[..colon]);
        var typeName = spec[(colon + 1)..];
        if (!File.Exists(assemblyPath)) throw new ToolException(ExitCodes.BadSchema, $"{assemblyPath}: no such assembly");
        Assembly assembly;
        try
        {
            assembly = new SchemaLoadContext(assemblyPath).LoadFromAssemblyPath(assemblyPath);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new ToolException(ExitCodes.BadSchema, $"{assemblyPath} is not a .NET assembly ({e.Message})");
        }
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types.Where(t => t is not null).ToArray()!;
        }
        var matches = types.Where(t => t.FullName == typeName).ToArray();
        if (matches.Length == 0) matches = types.Where(t => t.Name == typeName).ToArray();
        if (matches.Length != 1)
            throw new ToolException(ExitCodes.BadSchema, matches.Length == 0
                ? $"{Path.GetFileName(assemblyPath)} has no type '{typeName}'"
                : $"'{typeName}' is ambiguous in {Path.GetFileName(assemblyPath)}: {string.Join(", ", matches.Select(m => m.FullName))}");
        var type = matches[0];
        if (type.GetProperty("H5Schema", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null) is not H5GroupSchema schema)
            throw new ToolException(ExitCodes.BadSchema, $"{type.FullName} has no H5Schema: mark it [H5File] or [H5Group] (partial) and build it with the Hdf5.Mapping generator");
        return (type, schema);
    }

    private sealed class SchemaLoadContext(string mainAssembly) : AssemblyLoadContext("h5m-schema")
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is "Hdf5.Mapping") return null; // the tool's copy: one H5GroupSchema type
            var path = _resolver.ResolveAssemblyToPath(name);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}

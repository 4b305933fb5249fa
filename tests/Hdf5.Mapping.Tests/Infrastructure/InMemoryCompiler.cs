using System.Reflection;
using System.Runtime.Loader;
using Hdf5.Mapping.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hdf5.Mapping.Tests.Infrastructure;

/// <summary>Compiles C# sources with Roslyn and the Hdf5.Mapping generator, as a consumer's build would, and loads the
/// result into a collectible context (the runtime assembly is shared with the test process).</summary>
public static class InMemoryCompiler
{
    public static Assembly Compile(string assemblyName, IEnumerable<(string Name, string Source)> sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Source, parse, path: s.Name)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(H5File).Assembly.Location))
            .ToList();
        var compilation = CSharpCompilation.Create(assemblyName, trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new MappingGenerator().AsSourceGenerator()], parseOptions: parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && d.Id.StartsWith("H5M", StringComparison.Ordinal)))
            .ToList();
        using var stream = new MemoryStream();
        var emitted = problems.Count == 0 ? output.Emit(stream) : null;
        if (problems.Count > 0 || emitted is { Success: false })
        {
            var all = problems.Concat(emitted?.Diagnostics ?? []).Select(d => d.ToString());
            throw new InvalidOperationException("The scaffolded sources do not compile:\n" + string.Join("\n", all) + "\n\n" +
                string.Join("\n", sources.Select(s => $"===== {s.Name}\n{s.Source}")));
        }
        stream.Position = 0;
        return new AssemblyLoadContext(assemblyName, isCollectible: true).LoadFromStream(stream);
    }
}

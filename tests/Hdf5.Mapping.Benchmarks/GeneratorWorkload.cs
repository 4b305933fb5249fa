extern alias generator;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hdf5.Mapping.Benchmarks;

/// <summary>
/// G1: the source generator on a project of 500 mapped types — a full run, and a re-run after an
/// unrelated edit, with the number of types whose parse step actually produced a new spec (and so re-emitted).
/// </summary>
public static class GeneratorWorkload
{
    public static (double FullSeconds, double RerunSeconds, int Generated, int Reemitted) Run()
    {
        var types = string.Join("\n", Enumerable.Range(0, 500).Select(i =>
            $"[Hdf5.Mapping.H5Group] public partial class T{i} {{ [Hdf5.Mapping.H5Attribute] public int A{i} {{ get; set; }} " +
            $"[Hdf5.Mapping.H5Attribute] public string S{i} {{ get; set; }} = \"\"; [Hdf5.Mapping.H5Dataset(Chunks = new long[] {{ 8 }}, Filter = Hdf5.Mapping.H5FilterKind.Deflate)] public double[] D{i} {{ get; set; }} = []; }}"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(H5File).Assembly.Location));
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create("G1", [CSharpSyntaxTree.ParseText(types, options, "Types.cs"), CSharpSyntaxTree.ParseText("class Other { }", options, "Other.cs")],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new generator::Hdf5.Mapping.Generators.MappingGenerator().AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        var sw = Stopwatch.StartNew();
        driver = driver.RunGenerators(compilation);
        var full = sw.Elapsed.TotalSeconds;
        var generated = driver.GetRunResult().GeneratedTrees.Length;

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(), CSharpSyntaxTree.ParseText("class Other { int x; }", options, "Other.cs"));
        sw.Restart();
        driver = driver.RunGenerators(edited);
        var rerun = sw.Elapsed.TotalSeconds;
        var reemitted = driver.GetRunResult().Results.Single().TrackedSteps[generator::Hdf5.Mapping.Generators.MappingGenerator.Steps.Groups]
            .SelectMany(s => s.Outputs).Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        return (full, rerun, generated, reemitted);
    }
}

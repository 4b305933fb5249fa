using Hdf5.Mapping.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Hdf5.Mapping.Generators.Tests;

/// <summary>
/// Models compare by value, so an edit that does not touch a mapped type leaves the pipeline's outputs cached:
/// a parse step is either Cached (not re-run) or Unchanged (re-run because the compilation changed, producing an
/// equal spec); in both cases nothing downstream — no emit — runs again.
/// </summary>
public sealed class IncrementalityTests
{
    private const string Mapped = """
        using Hdf5.Mapping;
        [H5File] public partial class A { [H5Attribute] public int X { get; set; } [H5Group] public G Child { get; set; } = new(); }
        [H5Group] public partial class G { [H5Dataset] public double[] Y { get; set; } = []; [H5Dataset] public P[] Points { get; set; } = []; }
        public struct P { public double X; public int N; }
        """;

    private static readonly IncrementalStepRunReason[] NotRegenerated = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void UnrelatedEdit_LeavesEveryTrackedStepCached()
    {
        var compilation = GeneratorHarness.Compile(Mapped, "public class Other { public int Z; }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("public class Other { public int Z; public int W; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Input1.cs"));
        driver = driver.RunGenerators(edited);
        Assert.All(Reasons(driver, MappingGenerator.Steps.Files), r => Assert.Contains(r, NotRegenerated));
        Assert.All(Reasons(driver, MappingGenerator.Steps.Groups), r => Assert.Contains(r, NotRegenerated));
        Assert.All(Reasons(driver, MappingGenerator.Steps.Compounds), r => Assert.Contains(r, NotRegenerated));
    }

    [Fact]
    public void EqualSources_GiveEqualSpecs_MemberByMember()
    {
        // Two compilations of the same text: every parse output compares equal by value (no symbol, no location inside).
        var first = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Mapped)).GetRunResult().Results.Single();
        var second = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Mapped)).GetRunResult().Results.Single();
        foreach (var step in new[] { MappingGenerator.Steps.Files, MappingGenerator.Steps.Groups, MappingGenerator.Steps.Compounds })
            Assert.Equal(first.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value),
                second.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Value));
    }

    [Fact]
    public void EditToOneMappedType_RegeneratesOnlyThatType()
    {
        var compilation = GeneratorHarness.Compile(Mapped);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var changed = Mapped.Replace("public int X { get; set; }", "public int X { get; set; } [H5Attribute] public double Z { get; set; }");
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(changed, (CSharpParseOptions)compilation.SyntaxTrees.Single().Options, path: "Input0.cs"));
        driver = driver.RunGenerators(edited);
        Assert.Equal([IncrementalStepRunReason.Modified], Reasons(driver, MappingGenerator.Steps.Files));
        Assert.All(Reasons(driver, MappingGenerator.Steps.Groups), r => Assert.Contains(r, NotRegenerated));
    }

    [Fact]
    public void FiveHundredMappedTypes_AnUnrelatedEditRerunsNoEmitStep()
    {
        var types = string.Join("\n", Enumerable.Range(0, 500).Select(i =>
            $"[Hdf5.Mapping.H5Group] public partial class T{i} {{ [Hdf5.Mapping.H5Attribute] public int A{i} {{ get; set; }} [Hdf5.Mapping.H5Dataset] public double[] D{i} {{ get; set; }} = []; }}"));
        var compilation = GeneratorHarness.Compile(types, "public class Other { }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        Assert.Equal(500, driver.GetRunResult().GeneratedTrees.Length);
        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText("public class Other { int q; }", (CSharpParseOptions)compilation.SyntaxTrees.First().Options, path: "Input1.cs"));
        driver = driver.RunGenerators(edited);
        var reasons = Reasons(driver, MappingGenerator.Steps.Groups);
        Assert.Equal(500, reasons.Length);
        Assert.All(reasons, r => Assert.Contains(r, NotRegenerated));
    }
}

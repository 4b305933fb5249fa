using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators.Tests.Docs;

/// <summary>The examples of each diagnostic's page (docs/diagnostics/h5mNNN.md) run through the generator: the block
/// after "Fails with H5MNNN:" reports the id once for each line marked <c>// H5MNNN</c>, the block after "Compiles:"
/// reports nothing and compiles. A block without [H5File] is the body of a mapped root class.</summary>
public sealed class DiagnosticPageExampleTests
{
    private const string Prelude = "using System.Collections.Generic;\nusing Hdf5.Mapping;\n[H5Group] public partial class Item { }\n";

    public static TheoryData<string> Ids() => [.. GeneratorDiagnostics.All.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void TheFailingExampleReportsTheIdOnEachMarkedLine_AndTheFixedOneCompiles(string id)
    {
        var page = File.ReadAllText(Path.Combine(DocumentationSite.FindRepositoryRoot(), "docs", "diagnostics", id.ToLowerInvariant() + ".md"));
        var failing = Block(page, $"Fails with {id}:");
        var passing = Block(page, "Compiles:");

        var marked = failing.Split('\n').Count(line => line.Contains("// " + id, StringComparison.Ordinal));
        Assert.True(marked > 0, $"{id}'s failing example marks no line with // {id}");
        var (bad, _, _) = GeneratorHarness.Run(Prelude + AsSource(failing));
        Assert.Equal(marked, bad.Count(d => d.Id == id));

        var (good, _, errors) = GeneratorHarness.Run(Prelude + AsSource(passing));
        Assert.DoesNotContain(good, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
    }

    private static string AsSource(string block) =>
        block.Contains("[H5File]", StringComparison.Ordinal) ? block : "[H5File] public partial class Root\n{\n" + block + "\n}\n";

    private static string Block(string page, string heading)
    {
        var match = Regex.Match(page, Regex.Escape(heading) + @"\s*```csharp\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, $"no C# block after '{heading}'");
        return match.Groups["code"].Value;
    }
}

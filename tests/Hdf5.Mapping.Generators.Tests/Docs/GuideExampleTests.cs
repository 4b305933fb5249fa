using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Hdf5.Mapping.Generators.Tests.Docs;

/// <summary>The guide's first program (docs/articles/getting-started.md, "A first program") compiled against the runtime
/// with the generator as a new console project compiles it (the SDK's implicit usings): its top-level statements become
/// a method body, its types stay as they are.</summary>
public sealed class GuideExampleTests
{
    private const string ImplicitUsings =
        "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
        "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    [Fact]
    public void TheGettingStartedProgramCompilesWithTheGenerator()
    {
        var article = File.ReadAllText(Path.Combine(DocumentationSite.FindRepositoryRoot(), "docs", "articles", "getting-started.md"));
        var match = Regex.Match(article, @"## A first program.*?```csharp\n(?<code>.*?)```", RegexOptions.Singleline);
        Assert.True(match.Success, "getting-started.md has no C# block under 'A first program'");
        var lines = match.Groups["code"].Value.Split('\n');
        var usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) && !l.StartsWith("using (", StringComparison.Ordinal) || l.Length == 0).ToList();
        var rest = lines.Skip(usings.Count).ToList();
        var firstType = rest.FindIndex(l => l.StartsWith('['));
        Assert.True(firstType > 0, "the program declares no mapped type after its statements");
        var source = string.Join("\n", usings) + "\npublic static class FirstProgram\n{\n    public static void Run()\n    {\n" +
            string.Join("\n", rest.Take(firstType)) + "\n    }\n}\n" + string.Join("\n", rest.Skip(firstType));

        var (diagnostics, sources, errors) = GeneratorHarness.Run(ImplicitUsings, source);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(errors);
        Assert.Contains(sources, s => s.HintName.Contains("Measurement", StringComparison.Ordinal));
    }
}

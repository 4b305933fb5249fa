using System.Net;
using System.Text.RegularExpressions;

namespace Hdf5.Mapping.Generators.Tests.Docs;

/// <summary>The documentation site as a reader meets it: it builds with docfx's warnings as errors (an invalid link to a
/// file, an anchor or an API fails), every relative link and anchor of its pages leads somewhere, each diagnostic's help
/// link is a page of the site, the API reference has a page per namespace, and the getting-started page gives the
/// README's commands.</summary>
public sealed partial class DocumentationSiteTests(DocumentationSite site) : IClassFixture<DocumentationSite>
{
    [Fact]
    public void TheSiteBuildsWithWarningsAsErrors()
    {
        Assert.True(site.ExitCode == 0, $"docs/build.sh failed ({site.ExitCode}):\n{site.Log}");
        Assert.DoesNotMatch(WarningLine(), site.Log);
        Assert.Equal(2, Regex.Count(site.Log, @"^\s*0 warning\(s\)$", RegexOptions.Multiline)); // metadata, then the site
        Assert.True(File.Exists(site.PagePath("index.html")), "the site has no index.html");
    }

    [Fact]
    public void EveryRelativeLinkAndAnchorOfTheSiteResolves()
    {
        Assert.Equal(0, site.ExitCode);
        var pages = Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories).ToList();
        var broken = new List<string>();
        var linksChecked = 0;
        foreach (var page in pages)
        {
            var html = File.ReadAllText(page);
            foreach (Match link in LinkAttribute().Matches(html))
            {
                var target = WebUtility.HtmlDecode(link.Groups["url"].Value);
                if (IsExternal(target)) continue;
                linksChecked++;
                if (Resolve(page, target) is { } problem) broken.Add($"{Path.GetRelativePath(site.Output, page)}: {target} ({problem})");
            }
        }
        Assert.True(pages.Count > 100, $"the site has only {pages.Count} pages");
        Assert.True(linksChecked > 1000, $"only {linksChecked} relative links were found");
        Assert.True(broken.Count == 0, $"{broken.Count} broken links:\n" + string.Join("\n", broken.Take(50)));
    }

    [Fact]
    public void EachDiagnosticsHelpLinkIsAPageOfTheSiteAboutIt()
    {
        Assert.Equal(0, site.ExitCode);
        var descriptors = GeneratorDiagnostics.All;
        Assert.True(descriptors.Count >= 23, $"only {descriptors.Count} descriptors found");
        foreach (var descriptor in descriptors)
        {
            Assert.StartsWith(GeneratorDiagnostics.SiteBase, descriptor.HelpLinkUri);
            var page = site.PagePath(descriptor.HelpLinkUri[GeneratorDiagnostics.SiteBase.Length..]);
            Assert.True(File.Exists(page), $"{descriptor.Id}'s help link {descriptor.HelpLinkUri} is no page of the site");
            var text = PageText(File.ReadAllText(page));
            Assert.Contains($"{descriptor.Id}: {descriptor.Title}", text);
            Assert.True(text.Length > 200, $"{descriptor.Id}'s page has almost no text: {text}");
        }
        var toc = File.ReadAllText(Path.Combine(site.RepositoryRoot, "docs", "diagnostics", "toc.yml"));
        Assert.All(descriptors, d => Assert.Contains($"href: {d.Id.ToLowerInvariant()}.md", toc));
        var overview = PageText(File.ReadAllText(site.PagePath("diagnostics/index.html")));
        Assert.All(descriptors, d => Assert.Contains(d.Id, overview));
    }

    [Fact]
    public void TheApiReferenceHasAPageForEveryPublicNamespaceOfTheRuntimeAndTheDesignPackage()
    {
        Assert.Equal(0, site.ExitCode);
        var namespaces = typeof(H5File).Assembly.GetExportedTypes().Select(t => t.Namespace!).Distinct()
            .Append("Hdf5.Mapping.Design.Scaffolding").Append("Hdf5.Mapping.Design.Inspection").ToList();
        Assert.Contains("Hdf5.Mapping.Mpi", namespaces);
        foreach (var ns in namespaces)
        {
            var page = site.PagePath($"api/{ns}.html");
            Assert.True(File.Exists(page), $"no API page for the namespace {ns}");
            Assert.Contains(ns, PageText(File.ReadAllText(page)));
        }
        var file = PageText(File.ReadAllText(site.PagePath("api/Hdf5.Mapping.H5File.html")));
        Assert.Contains("CreateForSwmrWrite", file);
        Assert.Contains("OpenRemote", file);
    }

    [Fact]
    public void EveryArticleOfTheGuideIsAPageWithText()
    {
        Assert.Equal(0, site.ExitCode);
        var toc = File.ReadAllText(Path.Combine(site.RepositoryRoot, "docs", "articles", "toc.yml"));
        var articles = TocHref().Matches(toc).Select(m => m.Groups["href"].Value).ToList();
        var onDisk = Directory.EnumerateFiles(Path.Combine(site.RepositoryRoot, "docs", "articles"), "*.md").Select(Path.GetFileName);
        Assert.Equal(onDisk.Order(StringComparer.Ordinal), articles.Order(StringComparer.Ordinal));
        foreach (var article in articles)
        {
            var text = PageText(File.ReadAllText(site.PagePath("articles/" + Path.ChangeExtension(article, ".html"))));
            Assert.True(text.Length > 1500, $"{article} has only {text.Length} characters of text");
        }
    }

    [Fact]
    public void TheGettingStartedPageGivesTheReadmesStepsWordForWord()
    {
        Assert.Equal(0, site.ExitCode);
        var readme = File.ReadAllText(Path.Combine(site.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("## Use it in your project", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..end];
        var commands = CodeBlock().Matches(section)
            .SelectMany(m => m.Groups["body"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Concat(InlineCommand().Matches(section).Select(m => m.Groups["command"].Value)).ToList();
        Assert.True(commands.Count >= 13, $"the README's section has {commands.Count} commands and project lines");
        var page = WebUtility.HtmlDecode(File.ReadAllText(site.PagePath("articles/getting-started.html")));
        Assert.All(commands, command => Assert.Contains(command, page));
    }

    // The path (and anchor) a relative link names, checked against the built files; null when it resolves.
    private string? Resolve(string page, string target)
    {
        var hash = target.IndexOf('#');
        var path = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? "" : target[(hash + 1)..];
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        var file = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
        if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
        if (!file.StartsWith(site.Output, StringComparison.Ordinal)) return "outside the site";
        if (!File.Exists(file)) return "no such file";
        if (anchor.Length == 0 || !file.EndsWith(".html", StringComparison.Ordinal)) return null;
        var html = File.ReadAllText(file);
        return html.Contains($"id=\"{anchor}\"", StringComparison.Ordinal) || html.Contains($"name=\"{anchor}\"", StringComparison.Ordinal)
            ? null : "no such anchor";
    }

    private static bool IsExternal(string url) =>
        url.Length == 0 || url == "#" || url.StartsWith("//", StringComparison.Ordinal) || UriScheme().IsMatch(url);

    // The page's visible text: the main article, tags removed, entities decoded.
    private static string PageText(string html)
    {
        var main = html.IndexOf("<article", StringComparison.Ordinal);
        var body = main >= 0 ? html[main..] : html;
        return WebUtility.HtmlDecode(Whitespace().Replace(Tag().Replace(ScriptOrStyle().Replace(body, " "), " "), " ")).Trim();
    }

    [GeneratedRegex("(?:href|src)=\"(?<url>[^\"]*)\"")]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"^[^#\n]*\bhref:\s*(?<href>[^\s,}]+\.md)", RegexOptions.Multiline)]
    private static partial Regex TocHref();

    [GeneratedRegex("```(?:sh|xml)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex("`(?<command>dotnet [^`]+)`")]
    private static partial Regex InlineCommand();

    [GeneratedRegex(@"(?im)^.*\bwarning( [a-z]+)?:.*$")]
    private static partial Regex WarningLine();

    [GeneratedRegex("<(script|style)[^>]*>.*?</\\1>", RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

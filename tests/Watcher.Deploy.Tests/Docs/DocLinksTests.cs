using System.Text;
using System.Text.RegularExpressions;
using Watcher.Testing;

namespace Watcher.Deploy.Tests.Docs;

/// <summary>Every relative link in the repository's Markdown leads somewhere: the file exists, and an anchor names a
/// heading of the target as GitHub spells it. Pages move (the references went from the README to docs/); links must
/// follow.</summary>
public sealed partial class DocLinksTests
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { "bin", "obj", "artifacts", "node_modules" };

    [Fact]
    public void EveryRelativeLink_LeadsToAFileAndHeadingThatExist()
    {
        var pages = MarkdownFiles(Repository.Root).ToList();
        Assert.Contains(pages, p => Path.GetFileName(p) == "README.md" && Path.GetDirectoryName(p) == Repository.Root);
        Assert.True(pages.Count >= 8, $"Found only {pages.Count} Markdown files; the scan is broken.");

        var links = 0;
        var broken = new List<string>();
        foreach (var page in pages)
        {
            foreach (var target in LinkTargets(File.ReadAllText(page)))
            {
                links++;
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var file = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
                var where = $"{Path.GetRelativePath(Repository.Root, page)}: ({target})";
                if (!File.Exists(file) && !Directory.Exists(file))
                {
                    broken.Add($"{where}: no such file");
                }
                else if (anchor is not null && file.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(file)).Contains(anchor))
                {
                    broken.Add($"{where}: no heading with anchor #{anchor} in {Path.GetRelativePath(Repository.Root, file)}");
                }
            }
        }

        Assert.True(links >= 40, $"Found only {links} relative links; the scan is broken.");
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    [Theory]
    [InlineData("Design notes: the metrics path", "design-notes-the-metrics-path")]
    [InlineData("`watcher check`", "watcher-check")]
    [InlineData("Install on Kubernetes", "install-on-kubernetes")]
    [InlineData("WorkMailExportJobFailed", "workmailexportjobfailed")]
    [InlineData("foo_bar -- baz", "foo_bar----baz")]
    public void Slug_IsGitHubs(string heading, string anchor) => Assert.Equal(anchor, Slug(heading));

    private static IEnumerable<string> MarkdownFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.md"))
        {
            yield return file;
        }

        foreach (var sub in Directory.EnumerateDirectories(directory))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || SkippedDirectories.Contains(name))
            {
                continue;
            }

            foreach (var file in MarkdownFiles(sub))
            {
                yield return file;
            }
        }
    }

    /// <summary>The targets of inline links outside code, except those with a scheme (http:, mailto:).</summary>
    private static IEnumerable<string> LinkTargets(string markdown) =>
        InlineLink().Matches(InlineCode().Replace(WithoutFences(markdown), ""))
            .Select(m => m.Groups[1].Value)
            .Where(t => !Scheme().IsMatch(t));

    /// <summary>GitHub's anchors for the headings of a page: numbered -1, -2 ... when a slug repeats.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match heading in Heading().Matches(WithoutFences(markdown)))
        {
            var slug = Slug(heading.Groups[1].Value);
            var n = seen.GetValueOrDefault(slug);
            seen[slug] = n + 1;
            anchors.Add(n == 0 ? slug : $"{slug}-{n}");
        }

        return anchors;
    }

    /// <summary>The heading lowercased, punctuation other than '-' and '_' removed, each space a '-'.</summary>
    private static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    private static string WithoutFences(string markdown) => Fence().Replace(markdown.ReplaceLineEndings("\n"), "");

    [GeneratedRegex(@"^```.*?^```[^\n]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    // [text](target): the text may hold inline code, which InlineCode has already removed.
    [GeneratedRegex(@"\[[^\]\n]*\]\(([^)\s]+)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}

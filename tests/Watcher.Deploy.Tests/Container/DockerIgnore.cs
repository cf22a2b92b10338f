using System.Text;
using System.Text.RegularExpressions;

namespace Watcher.Deploy.Tests.Container;

/// <summary>
/// A .dockerignore as BuildKit reads it: each line a pattern relative to the context (<c>*</c> and <c>?</c> within a
/// path segment, <c>**</c> across segments), <c>!</c> takes paths back in, the last line that matches wins, and a line
/// matches a path when it matches the path or one of the folders it is in.
/// </summary>
internal sealed class DockerIgnore(IReadOnlyList<(Regex Pattern, bool Include)> rules)
{
    public static DockerIgnore Parse(string text) => new(
        [.. text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => (Pattern: ToRegex(line.TrimStart('!').Trim('/')), Include: line.StartsWith('!')))]);

    public bool Excludes(string path)
    {
        var segments = path.Split('/');
        var candidates = Enumerable.Range(1, segments.Length).Select(n => string.Join('/', segments.Take(n))).ToList();
        var excluded = false;
        foreach (var (pattern, include) in rules)
        {
            if (candidates.Any(pattern.IsMatch))
            {
                excluded = !include;
            }
        }

        return excluded;
    }

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern.AsSpan(i).StartsWith("**/"))
            {
                regex.Append("(.*/)?");
                i += 2;
            }
            else if (pattern.AsSpan(i).StartsWith("**"))
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(pattern[i] switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    var c => Regex.Escape(c.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}

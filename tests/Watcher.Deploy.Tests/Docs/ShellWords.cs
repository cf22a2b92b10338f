using System.Text;
using System.Text.RegularExpressions;

namespace Watcher.Deploy.Tests.Docs;

/// <summary>
/// Splits a command shown in a ```sh block into the words sh would pass: backslash-newline joins lines, single
/// quotes keep everything, double quotes keep all but <c>\" \\ \$ \`</c>, a bare backslash escapes the next
/// character, and a <c>#</c> starting a word comments out the rest of the line. Expansions are not done: the
/// README's commands must not need them.
/// </summary>
internal static partial class ShellWords
{
    /// <summary>Every command in a Markdown text's ```sh blocks, continuation lines included.</summary>
    public static IEnumerable<string> Commands(string markdown) =>
        ShellBlock().Matches(markdown).SelectMany(block => CommandStart().Split(block.Groups[1].Value)).Where(c => c.Trim().Length > 0);

    public static List<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            switch (c)
            {
                case '\\' when i + 1 < command.Length && command[i + 1] == '\n':
                    i++;
                    break;
                case '\\' when i + 1 < command.Length:
                    word.Append(command[++i]);
                    inWord = true;
                    break;
                case '\'':
                    var close = command.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new FormatException($"Unclosed ' in: {command}");
                    }

                    word.Append(command, i + 1, close - i - 1);
                    i = close;
                    inWord = true;
                    break;
                case '"':
                    i = DoubleQuoted(command, i + 1, word);
                    inWord = true;
                    break;
                case '#' when !inWord:
                    i = command.IndexOf('\n', i) is var end and >= 0 ? end - 1 : command.Length;
                    break;
                case ' ' or '\t' or '\n':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>Appends the double-quoted text starting at <paramref name="start"/>; returns the closing quote's index.</summary>
    private static int DoubleQuoted(string command, int start, StringBuilder word)
    {
        for (var i = start; i < command.Length; i++)
        {
            var c = command[i];
            if (c == '"')
            {
                return i;
            }

            if (c is '$' or '`')
            {
                throw new FormatException($"Expansion in a double-quoted word, which a README example must not need: {command}");
            }

            if (c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$' or '`')
            {
                c = command[++i];
            }

            word.Append(c);
        }

        throw new FormatException($"Unclosed \" in: {command}");
    }

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    /// <summary>A new command starts at a line that does not continue the one before.</summary>
    [GeneratedRegex(@"(?<!\\)\n")]
    private static partial Regex CommandStart();
}

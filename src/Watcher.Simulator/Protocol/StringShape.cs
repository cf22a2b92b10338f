using System.Text.RegularExpressions;

namespace Watcher.Simulator.Protocol;

/// <summary>The constraints of a string shape of the model. <see cref="Pattern"/> must match the whole value.</summary>
internal sealed record StringShape(int MinLength, int MaxLength, Regex? Pattern = null, string? PatternText = null)
{
    public IEnumerable<string> Violations(string value)
    {
        if (value.Length < MinLength)
        {
            yield return $"Member must have length greater than or equal to {MinLength}";
        }

        if (value.Length > MaxLength)
        {
            yield return $"Member must have length less than or equal to {MaxLength}";
        }

        if (Pattern is not null && !Pattern.IsMatch(value))
        {
            yield return $"Member must satisfy regular expression pattern: {PatternText}";
        }
    }

    public bool IsValid(string? value) => value is not null && !Violations(value).Any();
}

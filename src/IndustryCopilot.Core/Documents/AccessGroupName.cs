using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Documents;

/// <summary>
/// What an access group may be called: 1–64 letters (any script), digits, <c>-</c>, <c>_</c> or <c>.</c>, starting with
/// a letter or digit. Nothing else, so no name can look like a wildcard (<c>*</c>, <c>%</c>) or a pattern that some
/// layer might one day read as "every group"; groups are always matched exactly.
/// </summary>
public static partial class AccessGroupName
{
    public const string Rule = "1–64 letters, digits, '-', '_' or '.', starting with a letter or digit";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N}._-]{0,63}\z")]
    private static partial Regex Pattern();
}

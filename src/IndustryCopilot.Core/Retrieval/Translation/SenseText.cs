using System.Text.RegularExpressions;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Translation;

/// <summary>
/// Turns a CC-CEDICT sense ("to change (clothes etc)", "space; room", "variant of 雇主[gu4 zhu3]") into the English
/// phrases a search can use ("change"; "space", "room"; none), and English text into the stem keys phrases are
/// looked up by. Senses that only point elsewhere (variants, surnames, classifiers, cross-references) give nothing.
/// </summary>
public static partial class SenseText
{
    /// <summary>Most content words a phrase may have to be used: a longer sense is a definition, not a translation.</summary>
    public const int MaxWords = 3;

    private static readonly string[] Pointers =
    [
        "variant of", "old variant", "archaic variant", "erhua variant", "japanese variant", "surname ", "cl:", "see ",
        "abbr. for", "abbr. of", "used in ", "also written", "also pr.", "interjection", "(onom.)", "onomatopoeia",
        "classifier for", "particle", "radical in chinese", "(bound form)",
    ];

    /// <summary>The usable phrases of one sense, lower case, each with 1–<see cref="MaxWords"/> content words.</summary>
    public static IEnumerable<string> Phrases(string sense)
    {
        var s = sense.Trim().ToLowerInvariant();
        if (Pointers.Any(p => s.StartsWith(p, StringComparison.Ordinal)) || s.Contains('[', StringComparison.Ordinal))
        {
            yield break;
        }

        s = Brackets().Replace(s, " ");
        foreach (var part in s.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var phrase = Leading().Replace(Spaces().Replace(part, " "), "").Trim(' ', '.', ',', '!', '?', '"');
            var words = Words(phrase);
            var content = words.Count(w => !StopWords.Contains(w));
            if (content is > 0 and <= MaxWords && words.Count <= MaxWords + 2)
            {
                yield return phrase;
            }
        }
    }

    /// <summary>Lower-case English words of <paramref name="text"/> ("lockout/tagout" is two words, "o-ring" one).</summary>
    public static List<string> Words(string text) => Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    /// <summary>The stems of the content words, in order: what the index's gram column holds for English text.</summary>
    public static List<string> ContentStems(string text) =>
        Words(text).Where(w => !StopWords.Contains(w)).Select(EnglishStemmer.Stem).ToList();

    /// <summary>The look-up key of an English phrase: its content stems joined by a space ("job hazard analyses" → "job hazard analysi").</summary>
    public static string Key(string phrase) => string.Join(' ', ContentStems(phrase));

    [GeneratedRegex(@"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"^(?:(?:to|a|an|the|lit\.|fig\.|esp\.|sb's|one's|sth|sb)\s+)+")]
    private static partial Regex Leading();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[a-z0-9]+(?:['’\-][a-z0-9]+)*")]
    private static partial Regex Word();
}

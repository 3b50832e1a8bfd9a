using System.Text;
using System.Text.RegularExpressions;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Index.Lexical;

/// <summary>
/// Turns text into the terms of the lexical lane, identically for documents and queries: Chinese segmented by
/// jieba (search mode), English words, and whole identifiers that word tokenizers break apart — fault codes
/// (E-203 → e-203, e203), part numbers (M12×1.5 → m12x1.5), clause numbers (5.3.2; 第二十一条 → 第21条),
/// document numbers (GB/T 1804-2000 → gb/t1804-2000), values with units (1.6 MPa → 1.6mpa). Full-width
/// characters are folded to half-width (NFKC), case to lower.
/// </summary>
public static partial class LexicalAnalyzer
{
    /// <summary>Characters that may occur inside a term besides letters and digits; the FTS5 tokenizer is told the same.</summary>
    public const string TermPunctuation = "-./°%";

    /// <summary>Returns the terms of <paramref name="text"/> in order; duplicates are kept (they carry term frequency).</summary>
    public static List<string> Terms(string text)
    {
        var normalized = Normalize(text);
        var terms = new List<string>();
        foreach (var identifier in Identifiers(normalized, normalize: false))
        {
            terms.Add(identifier.Term);
        }

        foreach (Match run in Runs().Matches(normalized))
        {
            if (CjkText.IsIdeograph(run.Value[0]))
            {
                foreach (var word in JiebaSegmenterHost.CutForSearch(run.Value))
                {
                    var clean = word.Trim();
                    if (clean.Length > 0)
                    {
                        terms.Add(clean);
                    }
                }
            }
            else if (run.Value.Length > 1 || char.IsDigit(run.Value[0]))
            {
                // A lone letter ("e" of "E-203", "a" of "(a)") matches everything; the whole identifier is kept above.
                terms.Add(run.Value);
            }
        }

        return terms;
    }

    /// <summary>
    /// The second lexical representation, for partial matches: overlapping character bigrams of Chinese runs (a
    /// paraphrase rarely shares jieba's words but often shares bigrams) and stems of English words. Stored in its
    /// own FTS5 column and queried together with <see cref="Terms"/>, like a CJK-bigram field beside a word field.
    /// </summary>
    public static List<string> Grams(string text)
    {
        var normalized = Normalize(text);
        var grams = new List<string>();
        foreach (Match run in Runs().Matches(normalized))
        {
            var value = run.Value;
            if (CjkText.IsIdeograph(value[0]))
            {
                if (value.Length == 1)
                {
                    grams.Add(value);
                }

                for (var i = 0; i + 1 < value.Length; i++)
                {
                    grams.Add(value.Substring(i, 2));
                }
            }
            else if (value.Length > 1 && !char.IsDigit(value[0]))
            {
                grams.Add(EnglishStemmer.Stem(value));
            }
        }

        return grams;
    }

    /// <summary>NFKC (full-width → half-width, ℃ → °c), lower case, and × or * between digits → x.</summary>
    public static string Normalize(string text)
    {
        var s = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        return Times().Replace(s, "${a}x${b}");
    }

    /// <summary>
    /// The identifiers in <paramref name="text"/> as lexical terms with their kind — what the identifier lane looks
    /// for. Each appears once, in order of kind.
    /// </summary>
    public static IReadOnlyList<Identifier> Identifiers(string text, bool normalize = true)
    {
        var s = normalize ? Normalize(text) : text;
        var found = new List<Identifier>();
        AddIdentifiers(s, found);
        return normalize ? found.DistinctBy(i => i.Term).ToList() : found;
    }

    private static void AddIdentifiers(string s, List<Identifier> terms)
    {
        foreach (Match m in Article().Matches(s))
        {
            if (ChineseNumber.Parse(m.Groups["n"].Value) is { } n)
            {
                terms.Add(new Identifier(IdentifierKind.Clause, $"第{n}{m.Groups["u"].Value}"));
            }
        }

        foreach (Match m in Standard().Matches(s))
        {
            var prefix = m.Groups["p"].Value.Replace(" ", "", StringComparison.Ordinal);
            var full = prefix + m.Groups["n"].Value;
            terms.Add(new Identifier(IdentifierKind.DocumentNumber, full, full));
            var bare = m.Groups["n"].Value.Split(['-', ':'])[0];
            if (bare != m.Groups["n"].Value)
            {
                terms.Add(new Identifier(IdentifierKind.DocumentNumber, prefix + bare, full));
            }
        }

        foreach (Match m in Cfr().Matches(s))
        {
            terms.Add(new Identifier(IdentifierKind.DocumentNumber, $"{m.Groups["t"].Value}cfr{m.Groups["p"].Value}"));
        }

        foreach (Match m in Code().Matches(s))
        {
            var joined = m.Value.Replace("-", "", StringComparison.Ordinal);
            terms.Add(new Identifier(IdentifierKind.Code, m.Value, joined));
            if (joined != m.Value)
            {
                terms.Add(new Identifier(IdentifierKind.Code, joined, joined));
            }
        }

        foreach (Match m in DashedCode().Matches(s))
        {
            if (m.Value.Any(char.IsDigit))
            {
                terms.Add(new Identifier(IdentifierKind.Code, m.Value));
            }
        }

        foreach (Match m in Dimension().Matches(s))
        {
            terms.Add(new Identifier(IdentifierKind.Code, m.Value));
        }

        foreach (Match m in Dotted().Matches(s))
        {
            // 5.3.2 is a clause; 19.5 or 1910.147 is as likely a value or a section number, matched as a term.
            terms.Add(new Identifier(m.Value.Count(c => c == '.') >= 2 ? IdentifierKind.Clause : IdentifierKind.Value, m.Value));
        }

        foreach (Match m in ValueWithUnit().Matches(s))
        {
            terms.Add(new Identifier(IdentifierKind.Value, m.Groups["v"].Value + m.Groups["u"].Value));
        }
    }

    [GeneratedRegex(@"(?<a>\d)\s*[×*]\s*(?<b>\d)")]
    private static partial Regex Times();

    // Runs of ideographs, or of ASCII letters/digits; everything else separates terms.
    [GeneratedRegex(@"[\u4e00-\u9fff\u3400-\u4dbf]+|[a-z0-9]+")]
    private static partial Regex Runs();

    [GeneratedRegex(@"第(?<n>[一二三四五六七八九十百千零〇两]+|\d{1,4})(?<u>条|章|节|款|项)")]
    private static partial Regex Article();

    [GeneratedRegex(@"(?<![a-z])(?<p>q/[a-z]{1,6}|gb/t|gb/z|gb|jb/t|hg/t|aq|sh/t|dl/t|iso/iec|iso|iec|en|asme|astm [a-z]|ansi|din en|din)\s?(?<n>\d{1,6}(?:\.\d+)?(?:-\d+)*(?::\d{4})?)(?!\d)")]
    private static partial Regex Standard();

    [GeneratedRegex(@"(?<t>\d{1,2})\s*cfr\s*(?:part\s*)?(?<p>\d{1,4}(?:\.\d{1,4})?)")]
    private static partial Regex Cfr();

    [GeneratedRegex(@"(?<![a-z0-9\-])[a-z]{1,4}-?\d{2,6}[a-z]?(?![a-z0-9])")]
    private static partial Regex Code();

    [GeneratedRegex(@"(?<![a-z0-9\-])[a-z]{2,5}(?:-[a-z0-9]{1,6}){1,3}(?![a-z0-9\-])")]
    private static partial Regex DashedCode();

    [GeneratedRegex(@"(?<![a-z0-9.])[a-z]{0,3}\d+(?:\.\d+)?x\d+(?:\.\d+)?(?:x\d+(?:\.\d+)?)?")]
    private static partial Regex Dimension();

    [GeneratedRegex(@"(?<![\d.])\d{1,4}(?:\.\d{1,4}){1,5}(?![\d])")]
    private static partial Regex Dotted();

    [GeneratedRegex(@"(?<![\d.])(?<v>\d+(?:\.\d+)?)\s?(?<u>mm|cm|μm|um|mpa|kpa|bar|psi|°c|°f|kg|kn|n\.m|nm|kw|kv|ma|rpm|hz|%|ml|min|h|v|a|w|l|m|s|g)(?![a-z])")]
    private static partial Regex ValueWithUnit();
}

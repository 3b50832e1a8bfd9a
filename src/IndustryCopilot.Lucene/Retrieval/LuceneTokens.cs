using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace IndustryCopilot.Lucene.Retrieval;

/// <summary>The terms an analyzer makes of a text for one field, in order (repeats kept: they count in the query).</summary>
public static class LuceneTokens
{
    public static List<string> Of(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }
}

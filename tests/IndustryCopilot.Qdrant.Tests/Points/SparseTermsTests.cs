using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Qdrant.Points;

namespace IndustryCopilot.Qdrant.Tests.Points;

public sealed class SparseTermsTests
{
    [Fact]
    public void TermId_SameTerm_SameIdEveryTimeAndApartFromTheGram()
    {
        // FNV-1a 32 of "t:pump": a fixed value, so every server and every run agree without a shared dictionary.
        Assert.Equal(SparseTerms.TermId("pump"), SparseTerms.TermId("pump"));
        Assert.Equal(Fnv("t:pump"), SparseTerms.TermId("pump"));
        Assert.NotEqual(SparseTerms.TermId("pump"), SparseTerms.GramId("pump"));
    }

    [Fact]
    public void ForDocument_RepeatedTerm_OneSortedIndexWithSaturatedFrequency()
    {
        var (values, indices) = SparseTerms.ForDocument("pump pump pump seal", averageTerms: 4, averageGrams: 4);

        Assert.Equal(indices.Order(), indices);
        Assert.Equal(indices.Length, indices.Distinct().Count());
        var pump = values[Array.IndexOf(indices, SparseTerms.TermId("pump"))];
        var seal = values[Array.IndexOf(indices, SparseTerms.TermId("seal"))];
        Assert.True(pump > seal, "three occurrences weigh more than one");
        Assert.True(pump < 3 * seal, "but BM25 saturates: not three times as much");
    }

    [Fact]
    public void ForDocument_ChineseText_TheEmbeddedIndexsJiebaWordsAndGrams()
    {
        const string text = "生产经营单位的主要负责人对本单位安全生产工作全面负责";

        var (_, indices) = SparseTerms.ForDocument(text, 10, 10);

        var words = LexicalAnalyzer.Terms(text);
        Assert.Contains(words, w => w.Length >= 2 && w.All(c => c > 0x4E00));
        Assert.All(words, w => Assert.Contains(SparseTerms.TermId(w), indices));
        Assert.All(LexicalAnalyzer.Grams(text), g => Assert.Contains(SparseTerms.GramId(g), indices));
    }

    [Fact]
    public void ForQuery_GramWeight_GramsWeightedTermsOne()
    {
        var (values, indices) = SparseTerms.ForQuery(["torque", "torque"], ["to"], gramWeight: 0.5);

        Assert.Equal(2, indices.Length);
        Assert.Equal(1f, values[Array.IndexOf(indices, SparseTerms.TermId("torque"))]);
        Assert.Equal(0.5f, values[Array.IndexOf(indices, SparseTerms.GramId("to"))]);
    }

    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}

using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Retrieval.Query;

public sealed class GlossaryTests
{
    [Fact]
    public void Load_TabSeparatedSetsWithComments_ExpandsBothWays()
    {
        using var dir = new TempDirectory();
        var path = dir.File("glossary.tsv", "# plant terms\n\n上锁挂牌\tlockout/tagout\tLOTO\n");

        var glossary = Glossary.Load(path);

        Assert.Equal(1, glossary.Count);
        Assert.Equal(["lockout/tagout", "LOTO"], glossary.Expand(LexicalAnalyzer.Normalize("检修前要上锁挂牌吗")).Single().Synonyms);
        Assert.Contains("上锁挂牌", glossary.Expand(LexicalAnalyzer.Normalize("Is LOTO required?")).Single().Synonyms);
    }

    [Fact]
    public void Load_LineWithOneTerm_ErrorNamesFileAndLine()
    {
        using var dir = new TempDirectory();
        var path = dir.File("glossary.tsv", "叉车\tforklift\n只有一个词\n");

        var error = Assert.Throws<FormatException>(() => Glossary.Load(path));

        Assert.Contains("glossary.tsv:2", error.Message);
    }

    [Fact]
    public void Expand_LatinTerm_MatchesWholeWordsOnly()
    {
        var glossary = new Glossary([["lock", "padlock"]]);

        Assert.Empty(glossary.Expand("unlock the door"));
        Assert.Single(glossary.Expand("which lock to use"));
    }

    [Fact]
    public void StarterGlossary_InCorpus_LoadsAndHasZhEnPairs()
    {
        var glossary = Glossary.Load(Path.Combine(EvalData.RepositoryRoot, "corpus", "glossary.tsv"));

        Assert.True(glossary.Count >= 10);
        Assert.Contains("forklift", glossary.Expand("叉车").Single().Synonyms);
    }
}

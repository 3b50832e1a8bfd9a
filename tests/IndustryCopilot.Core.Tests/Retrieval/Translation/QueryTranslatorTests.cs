using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Retrieval.Translation;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Retrieval.Translation;

public sealed class QueryTranslatorTests
{
    private static QueryTranslator Shipped(Glossary? plant = null, BilingualLexicon? lexicon = null) =>
        new(new TranslationGlossary(plant ?? Glossary.Empty, TranslationGlossary.Shipped), lexicon ?? BilingualLexicon.Empty);

    private static QueryTranslation ToEnglish(QueryTranslator translator, string question) =>
        translator.Translate(question, DocumentLanguage.En, QueryAnalyzer.ContentTerms(question));

    [Fact]
    public void Translate_ChineseGlossaryTerms_LongestTermIsOneGroupOfItsEnglishTerms()
    {
        var translation = ToEnglish(Shipped(), "空压机换油周期");

        Assert.Equal(["空压机", "换油周期"], translation.Terms.Select(t => t.Source));
        Assert.Contains("air compressor", translation.Terms[0].Renderings.Select(r => r.Text));
        Assert.Equal(["oil", "chang", "interval"], translation.Terms[1].Renderings[0].Grams);
        Assert.All(translation.Terms, t => Assert.Equal(TranslationOrigin.Glossary, t.Origin));
        Assert.Equal(2, translation.Groups().Count);
    }

    [Fact]
    public void Translate_EnglishPhrases_LongestGlossaryPhraseFirst()
    {
        var translation = Shipped().Translate("Who signs the confined space entry permit?", DocumentLanguage.Zh, QueryAnalyzer.ContentTerms("Who signs the confined space entry permit?"));

        var confined = Assert.Single(translation.Terms, t => t.Source == "confined space");
        Assert.Equal(["受限空间", "有限空间"], confined.Renderings.Select(r => r.Text).Order());
        Assert.Contains(translation.Terms, t => t.Source == "entry permit" && t.Renderings.Any(r => r.Text == "作业许可"));
        Assert.DoesNotContain(translation.Terms, t => t.Source == "space");
    }

    [Fact]
    public void Translate_PlantGlossaryNamesTheTerm_ShippedSetLeftOut()
    {
        var plant = new Glossary([["空压机", "screw unit"]]);

        var translation = ToEnglish(Shipped(plant), "空压机");

        Assert.Equal(["screw unit"], Assert.Single(translation.Terms).Renderings.Select(r => r.Text));
    }

    [Fact]
    public void Translate_PlantGlossaryAddsATerm_TranslatedBothWays()
    {
        var plant = new Glossary([["三号线", "line 3", "L3"]]);

        Assert.Contains(ToEnglish(Shipped(plant), "三号线停机").Terms, t => t.Source == "三号线" && t.Renderings.Any(r => r.Text == "line 3"));
        Assert.Contains(Shipped(plant).Translate("L3 shutdown", DocumentLanguage.Zh, ["l3", "shutdown"]).Terms, t => t.Renderings.Any(r => r.Text == "三号线"));
    }

    [Fact]
    public void Translate_WordOnlyTheDictionaryKnows_ItsSensesWithoutPointersOrParentheses()
    {
        using var folder = new TempDirectory();
        var lexicon = BilingualLexicon.LoadFile(folder.File("dict.tsv", "# test\n夏季\tsummer/summertime\n雇主\tvariant of 僱主[gu4 zhu3]/employer\n换\tto exchange/to change (clothes etc)\n"));

        var translation = ToEnglish(Shipped(lexicon: lexicon), "夏季雇主");

        Assert.Equal(["summer", "summertime"], translation.Terms.Single(t => t.Source == "夏季").Renderings.Select(r => r.Text));
        Assert.Equal(["employer"], translation.Terms.Single(t => t.Source == "雇主").Renderings.Select(r => r.Text));
        Assert.Equal(TranslationOrigin.Dictionary, translation.Terms.Single(t => t.Source == "夏季").Origin);
        Assert.Equal(["exchange", "change"], lexicon.English("换"));
    }

    [Fact]
    public void Translate_CatalogStatistics_RenderingsTheCatalogLacksDropped()
    {
        using var folder = new TempDirectory();
        var lexicon = BilingualLexicon.LoadFile(folder.File("dict.tsv", "夏季\tsummer/summertime/summer season\n"));

        var translation = Shipped(lexicon: lexicon).Translate("夏季", DocumentLanguage.En, ["夏季"], frequencies: grams => grams.Where(g => g == "summertim").ToDictionary(g => g, _ => 3L));

        Assert.Equal(["summertime"], Assert.Single(translation.Terms).Renderings.Select(r => r.Text));
    }

    [Fact]
    public void Translate_CodesAndLatinWords_KeptAsWritten()
    {
        var translation = ToEnglish(Shipped(), "E-203 报警怎么处理");

        Assert.Contains(translation.Terms, t => t.Origin == TranslationOrigin.Kept && t.Source == "e-203");
        Assert.Contains(translation.Terms, t => t.Source == "报警" && t.Renderings.Any(r => r.Text == "alarm"));
    }

    [Fact]
    public void Translate_ModelText_SearchedBesideTheDictionaryWords()
    {
        var translation = Shipped().Translate("空压机换油周期", DocumentLanguage.En, ["空压机"], "How often is the compressor oil replaced?");

        Assert.Equal("How often is the compressor oil replaced?", translation.ModelText);
        Assert.Contains(translation.Terms, t => t.Origin == TranslationOrigin.Model && t.Renderings.Single().Grams.SequenceEqual(["replac"]));
        Assert.Contains(translation.Terms, t => t.Origin == TranslationOrigin.Glossary);
    }

    [Fact]
    public void Covered_PassageHoldingARendering_CoversTheQuestionTermsItStandsFor()
    {
        var translation = ToEnglish(Shipped(), "空压机换油周期");

        var covered = translation.Covered(new HashSet<string> { "replac", "oil", "interval", "air", "compressor" }).ToHashSet();

        Assert.Contains("换油", covered);
        Assert.Contains("周期", covered);
        Assert.Contains("空压机", covered);
        Assert.Empty(translation.Covered(new HashSet<string> { "oil" }));
    }

    [Fact]
    public void LoadEmbedded_BuildWithNpm_CcCedictBuiltIn()
    {
        var lexicon = BilingualLexicon.LoadEmbedded();

        Assert.NotNull(lexicon);
        Assert.True(lexicon.Count > 90_000, $"{lexicon.Count} headwords with usable senses");
        Assert.Contains("period", lexicon.English("周期"));
        Assert.Contains("雇主", lexicon.Chinese(SenseText.Key("employer"), 8));
    }
}

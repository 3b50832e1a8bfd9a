using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Retrieval.Translation;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Retrieval.Translation;

public sealed class TranslatedLaneTests
{
    private static readonly QueryTranslator Translator = new(new TranslationGlossary(Glossary.Empty, TranslationGlossary.Shipped), BilingualLexicon.Empty);

    // A catalog of both languages: an English compressor manual and Chinese SOPs that share many words with the question.
    private static RetrievalIndex Plant(RetrievalOptions? options = null, QueryTranslator? translator = null, bool dense = false)
    {
        var fixture = new RetrievalIndex(dense: dense, options: options, translator: translator ?? Translator);
        fixture.Add("ac37", "AC-37 Screw Compressor Maintenance Manual", DocumentLanguage.En,
            ("3 Maintenance intervals > 3.2", "3.2", "3.2 Replace the air filter element every 2,000 operating hours."),
            ("3 Maintenance intervals > 3.3", "3.3", "3.3 Replace the oil filter and the compressor oil every 4,000 operating hours."),
            ("2 Safety > 2.1", "2.1", "2.1 Isolate the main power at breaker Q1 and apply lockout/tagout before opening the enclosure."));
        fixture.Add("sop", "换刀作业指导书", DocumentLanguage.Zh,
            ("4 换刀步骤", null, "打开防护门，清洁主轴锥孔，换刀周期按刀具寿命确定。"),
            ("6 记录", null, "换刀记录保存一年，由班组长每周检查一次，周期检查结果记入记录表。"));
        fixture.Add("std", "安全生产管理规定", DocumentLanguage.Zh,
            ("第三章 > 第十条", "第十条", "第十条 进入受限空间作业前，必须办理作业许可，并安排监护人。"));
        return fixture;
    }

    [Fact]
    public void Search_ChineseQuestionEnglishManual_TranslatedLaneFindsTheClause()
    {
        using var plant = Plant();

        var response = plant.Search("空压机换油周期", k: 3);

        Assert.Contains(SearchLane.Translated, response.LanesRun);
        var clause = Assert.Single(response.Hits.Take(2), h => h.Chunk.Id == "ac37#1");
        Assert.Equal(1, clause.Lanes[SearchLane.Translated].Rank);
    }

    [Fact]
    public void Search_TranslatedLaneOff_ChineseWordsOnlyFindChinesePassages()
    {
        using var plant = Plant(new RetrievalOptions { TranslatedWeight = 0 });

        var response = plant.Search("空压机换油周期", k: 3);

        Assert.DoesNotContain(SearchLane.Translated, response.LanesRun);
        Assert.DoesNotContain(response.Hits, h => h.Chunk.Id == "ac37#1");
    }

    [Fact]
    public void Search_EnglishQuestionChineseRule_TranslatedLaneFindsTheArticle()
    {
        using var plant = Plant();

        var response = plant.Search("Who must watch the entry into a confined space?", k: 3);

        Assert.Equal("std#0", response.Hits[0].Chunk.Id);
        Assert.Equal(DocumentLanguage.Zh, response.Query.Translation!.To);
    }

    [Fact]
    public void Search_OnlyTheQuestionsLanguageVisible_NoTranslation()
    {
        using var plant = Plant();

        var response = plant.Search("换刀记录保存多久", filter: SearchFilter.None with { DocumentIds = ["sop"] });

        Assert.Null(response.Query.Translation);
        Assert.DoesNotContain(SearchLane.Translated, response.LanesRun);
    }

    [Fact]
    public void Search_ModelTranslation_SearchedInTheTranslatedLane()
    {
        using var plant = Plant(translator: new QueryTranslator(new TranslationGlossary(Glossary.Empty, Glossary.Empty), BilingualLexicon.Empty));

        Assert.DoesNotContain(plant.Search("多久要把空压机的滤芯换掉", k: 3).Hits.Take(1), h => h.Chunk.Id == "ac37#0");
        var response = plant.Search("多久要把空压机的滤芯换掉", k: 3, modelTranslation: "How often must the compressor air filter element be replaced?");

        Assert.Equal("ac37#0", response.Hits[0].Chunk.Id);
        Assert.Contains(response.Query.Translation!.Terms, t => t.Origin == TranslationOrigin.Model);
    }
}

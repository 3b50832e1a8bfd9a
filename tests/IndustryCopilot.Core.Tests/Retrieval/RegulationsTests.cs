using System.Text.Json;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Retrieval;

/// <summary>The identifier lane on the 29 real regulations of ../shared/eval (indexed once for the class).</summary>
public sealed class RegulationsTests : IClassFixture<RegulationsTests.Indexed>
{
    private readonly Indexed _laws;

    public RegulationsTests(Indexed laws) => _laws = laws;

    [SkippableFact]
    public async Task Search_SafetyLawArticle21_ThatArticleAtRankOne()
    {
        var top = (await (await _laws.RetrieverAsync()).SearchAsync(new SearchRequest("安全生产法第二十一条"))).Hits[0];

        Assert.Equal("中华人民共和国安全生产法", top.Document.Title);
        Assert.Equal("第二十一条", top.Chunk.ClauseLabel);
    }

    [SkippableFact]
    public async Task Search_EveryQuestionNamingLawAndArticle_GoldArticleAtRankOne()
    {
        var questions = File.ReadLines(EvalData.Path("questions", "zh-regulations.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(q => q.GetProperty("type").GetString() == "direct")
            .ToList();
        Assert.NotEmpty(questions);
        var retriever = await _laws.RetrieverAsync();

        foreach (var q in questions)
        {
            var gold = q.GetProperty("gold")[0];
            var top = (await retriever.SearchAsync(new SearchRequest(q.GetProperty("question").GetString()!))).Hits[0];
            Assert.True(
                top.Document.SourcePath.EndsWith(gold.GetProperty("doc").GetString()!, StringComparison.Ordinal) && top.Chunk.ClauseLabel == gold.GetProperty("article").GetString(),
                $"{q.GetProperty("id")}: rank 1 was {top.Document.Title} {top.Chunk.ClauseLabel}");
        }
    }

    public sealed class Indexed : IDisposable
    {
        private TestPipeline? _pipeline;

        // Indexed on first use, so the class's tests skip (EvalData) rather than fail when ../shared/eval is absent.
        public async Task<HybridRetriever> RetrieverAsync()
        {
            if (_pipeline is null)
            {
                var folder = EvalData.Path("zh-safety-regulations");
                _pipeline = new TestPipeline();
                await _pipeline.RunAsync(folder);
            }

            return new HybridRetriever(_pipeline.Index, new RetrievalOptions(), Glossary.Empty);
        }

        public void Dispose() => _pipeline?.Dispose();
    }
}

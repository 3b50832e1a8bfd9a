using System.Text.RegularExpressions;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Ingestion.Reading;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Ingestion.Chunking;

/// <summary>Acceptance on the 29 PRC laws and regulations in ../shared/eval.</summary>
public sealed partial class RegulationChunkingTests
{
    private static readonly MarkdownReader Reader = new(new IngestionOptions());
    private static readonly StructuredChunker Chunker = new(new ChunkingOptions());

    [SkippableFact]
    public void Chunk_WorkSafetyLaw2021_All119ArticlesLabelledWithTheirOwnLabel()
    {
        var path = EvalData.Path("zh-safety-regulations", "社会法", "安全生产法(2021-06-10).md");
        var document = Reader.Read(path, CancellationToken.None).Document!;

        var chunks = Chunker.Chunk("law", document.EmbeddedTitle, document.Blocks);

        var expected = File.ReadAllLines(path).Select(l => ArticleStart().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(119, expected.Count);
        var labelled = chunks.Where(c => c.ClauseLabel is not null && c.ClauseLabel.EndsWith('条')).ToList();
        Assert.Equal(expected, labelled.Select(c => c.ClauseLabel!).Distinct());
        Assert.All(labelled.GroupBy(c => c.ClauseLabel), g => Assert.StartsWith(g.Key + " ", g.First().Text));
        var article21 = labelled.First(c => c.ClauseLabel == "第二十一条");
        Assert.Equal("第二章 生产经营单位的安全生产保障 > 第二十一条", article21.SectionPath);
    }

    [SkippableFact]
    public void Chunk_All29Laws_EveryArticleStartIsAChunkAndNoCrossReferenceIsOne()
    {
        var files = Directory.GetFiles(EvalData.Path("zh-safety-regulations"), "*.md", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).ToList();
        Assert.Equal(29, files.Count);
        foreach (var file in files)
        {
            var result = Reader.Read(file, CancellationToken.None);
            Assert.True(result.Succeeded, $"{file}: {result.Error}");
            var chunks = Chunker.Chunk("law", result.Document!.EmbeddedTitle, result.Document.Blocks);

            var articleLabels = File.ReadAllLines(file).Select(l => ArticleStart().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
            var chunkLabels = chunks.Where(c => c.ClauseLabel?.EndsWith('条') == true).Select(c => c.ClauseLabel!).ToHashSet();
            Assert.True(articleLabels.SetEquals(chunkLabels), $"{Path.GetFileName(file)}: articles {articleLabels.Count}, labelled chunks {chunkLabels.Count}");
            Assert.All(chunks.Where(c => c.ClauseLabel?.EndsWith('条') == true), c => Assert.Contains(c.ClauseLabel!, c.SectionPath));
        }
    }

    // An article paragraph begins with its label and a space; "第十条规定…" inside text does not.
    [GeneratedRegex(@"^(第[一二三四五六七八九十百千零〇]+条)[\s\u3000]")]
    private static partial Regex ArticleStart();
}

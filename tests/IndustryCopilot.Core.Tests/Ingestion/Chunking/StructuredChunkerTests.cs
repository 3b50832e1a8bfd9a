using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Tests.Ingestion.Chunking;

public sealed class StructuredChunkerTests
{
    private static IReadOnlyList<Chunk> Run(IEnumerable<Block> blocks, int max = 400, int overlap = 40, string? title = null) =>
        new StructuredChunker(new ChunkingOptions { MaxTokens = max, OverlapTokens = overlap }).Chunk("doc", title, blocks.ToList());

    private static Block P(string text, int? page = null) => new(BlockKind.Paragraph, text, page);

    private static Block H(int level, string text) => new(BlockKind.Heading, text, null, level);

    [Fact]
    public void Chunk_Articles_OneChunkEachWithChapterPath()
    {
        var chunks = Run([
            H(1, "中华人民共和国安全生产法"),
            H(2, "第三章 生产经营单位的安全生产保障"),
            P("第二十条 生产经营单位应当具备本法规定的安全生产条件。"),
            P("第二十一条 生产经营单位的主要负责人对本单位安全生产工作负有下列职责："),
            P("（一）建立健全并落实本单位全员安全生产责任制；"),
            P("（二）组织制定并实施本单位安全生产规章制度和操作规程；"),
            P("第二十二条 依照第二十一条的规定，责任制应当明确各岗位的责任人员。"),
        ], title: "中华人民共和国安全生产法");

        Assert.Equal(["第二十条", "第二十一条", "第二十二条"], chunks.Select(c => c.ClauseLabel));
        Assert.Equal("第三章 生产经营单位的安全生产保障 > 第二十一条", chunks[1].SectionPath);
        Assert.Contains("（二）组织制定", chunks[1].Text);
        Assert.StartsWith("第二十二条", chunks[2].Text);
    }

    [Fact]
    public void Chunk_NumberedClauses_PathFollowsNumbering()
    {
        var chunks = Run([
            P("5 Requirements"),
            P("5.3 Fasteners"),
            P("5.3.1 Bolts shall be grade 8.8."),
            P("5.3.2 Tighten M12 bolts to 85 N·m. See 5.3.1 for grades."),
            P("5.4 Surface finish"),
            P("Surfaces shall be Ra 1.6 or better."),
        ]);

        Assert.Equal(["5 Requirements > 5.3 Fasteners > 5.3.1", "5 Requirements > 5.3 Fasteners > 5.3.2", "5 Requirements > 5.4 Surface finish"], chunks.Select(c => c.SectionPath));
        Assert.Equal(["5.3.1", "5.3.2", "5.4"], chunks.Select(c => c.ClauseLabel));
    }

    [Fact]
    public void Chunk_HeadingWithoutBody_IsNotAChunk()
    {
        var chunks = Run([H(1, "Manual"), H(2, "Empty section"), H(2, "Filled"), P("Some text.")]);

        Assert.Single(chunks);
        Assert.Equal("Manual > Filled", chunks[0].SectionPath);
    }

    [Fact]
    public void Chunk_ProcedureStepsThatFit_StayInOneChunk()
    {
        var steps = Enumerable.Range(1, 8).Select(i => new Block(BlockKind.ListItem, $"{i}. Step number {i}: check the oil level and record it in the log sheet.", 3));
        var chunks = Run([H(1, "Daily check"), .. steps], max: 200, overlap: 20);

        var chunk = Assert.Single(chunks);
        Assert.Equal(ChunkKind.Procedure, chunk.Kind);
        Assert.Equal(3, chunk.PageStart);
    }

    [Fact]
    public void Chunk_StepsAfterLongParagraphs_StepSequenceKeptWholeInOneChunk()
    {
        var intro = Enumerable.Range(1, 6).Select(i => P($"Paragraph {i} explains why the hydraulic unit must be depressurised and how the accumulator stores energy for the press.", 5));
        var steps = Enumerable.Range(1, 8).Select(i => new Block(BlockKind.ListItem, $"{i}. Open valve V-{i} and wait until gauge PG-{i} reads zero.", 6));
        var chunks = Run([H(1, "Hydraulic unit"), .. intro, .. steps], max: 160, overlap: 20);

        var withSteps = chunks.Where(c => c.Text.Contains("1. Open valve", StringComparison.Ordinal) || c.Text.Contains("8. Open valve", StringComparison.Ordinal)).ToList();
        var stepChunk = Assert.Single(withSteps);
        Assert.All(Enumerable.Range(1, 8), i => Assert.Contains($"{i}. Open valve V-{i}", stepChunk.Text));
        Assert.Equal(ChunkKind.Procedure, stepChunk.Kind);
        Assert.All(chunks, c => Assert.InRange(c.TokenCount, 1, 160));
    }

    [Fact]
    public void Chunk_LongSection_SplitsAtSentenceEndsWithinLimitAndOverlaps()
    {
        var sentences = Enumerable.Range(1, 60).Select(i => $"Sentence {i} describes the maintenance of compressor part {i} in detail.");
        var chunks = Run([H(1, "Compressor"), P(string.Join(" ", sentences), 4)], max: 100, overlap: 20);

        Assert.True(chunks.Count > 3);
        Assert.All(chunks, c => Assert.InRange(c.TokenCount, 1, 100));
        Assert.All(chunks, c => Assert.EndsWith("detail.", c.Text));
        for (var i = 1; i < chunks.Count; i++)
        {
            var lastOfPrevious = chunks[i - 1].Text[(chunks[i - 1].Text.LastIndexOf("Sentence", StringComparison.Ordinal))..];
            Assert.StartsWith(lastOfPrevious, chunks[i].Text);
        }
    }

    [Fact]
    public void Chunk_LongTable_EveryChunkRepeatsHeader()
    {
        var rows = Enumerable.Range(1, 50).Select(i => (IReadOnlyList<string>)[$"E-{200 + i}", $"alarm meaning number {i}", "stop and call maintenance"]).ToList();
        var table = new TableData(["Code", "Meaning", "Action"], rows, "Table 2 Alarm codes");
        var chunks = Run([H(1, "Alarms"), new Block(BlockKind.Table, "", 7, Table: table)], max: 120, overlap: 10);

        Assert.True(chunks.Count > 2);
        Assert.All(chunks, c =>
        {
            Assert.Equal(ChunkKind.Table, c.Kind);
            Assert.StartsWith("Table 2 Alarm codes\n| Code | Meaning | Action |\n| --- | --- | --- |\n", c.Text);
            Assert.Equal(7, c.PageStart);
        });
        Assert.Equal(50, chunks.Sum(c => c.Text.Split('\n').Count(l => l.StartsWith("| E-", StringComparison.Ordinal))));
    }

    [Fact]
    public void Chunk_LongTable_RowProvenanceContiguousWithLabel()
    {
        var rows = Enumerable.Range(1, 50).Select(i => (IReadOnlyList<string>)[$"E-{200 + i}", $"alarm meaning number {i}", "stop and call maintenance"]).ToList();
        var chunks = Run([H(1, "Alarms"), new Block(BlockKind.Table, "", 7, Table: new TableData(["Code", "Meaning", "Action"], rows, "Table 2 Alarm codes"))], max: 120, overlap: 10);

        Assert.All(chunks, c => Assert.Equal("Table 2", c.TableLabel));
        Assert.Equal(1, chunks[0].TableRows!.Value.First);
        Assert.Equal(50, chunks[^1].TableRows!.Value.Last);
        for (var i = 1; i < chunks.Count; i++)
        {
            Assert.Equal(chunks[i - 1].TableRows!.Value.Last + 1, chunks[i].TableRows!.Value.First);
        }

        var row17 = chunks.Single(c => c.Text.Contains("| E-217 |", StringComparison.Ordinal));
        Assert.InRange(17, row17.TableRows!.Value.First, row17.TableRows!.Value.Last);
    }

    [Fact]
    public void Chunk_TableInsideClause_CitedAsThatClause()
    {
        var table = new TableData(["Grade", "0.5-6"], [["m", "±0.10"]], "表1 极限偏差");
        var chunks = Run([P("4 要求"), P("4.2 线性尺寸的极限偏差按表1的规定。"), new Block(BlockKind.Table, "", null, Table: table), P("4.3 倒角按±0.2 mm。")]);

        Assert.Equal(["4.2", "4.2", "4.3"], chunks.Select(c => c.ClauseLabel));
        Assert.Equal("4 要求 > 4.2", chunks[1].SectionPath);
        Assert.Equal(ChunkKind.Table, chunks[1].Kind);
    }

    [Fact]
    public void Chunk_SameInput_SameHashes()
    {
        Block[] blocks = [H(1, "A"), P("第一条 内容。"), P("第二条 内容二。")];

        Assert.Equal(Run(blocks).Select(c => c.Hash), Run(blocks).Select(c => c.Hash));
    }
}

using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Ingestion.Reading;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Ingestion.Reading.Pdf;

public sealed class PdfTableDetectorTests
{
    private static readonly double[] Columns = [60, 260, 400];
    private readonly PdfReader _reader = new(new IngestionOptions());

    private IReadOnlyList<Block> Read(byte[] pdf)
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("table.pdf");
        File.WriteAllBytes(path, pdf);
        var result = _reader.Read(path, CancellationToken.None);
        Assert.True(result.Error is null, result.Error);
        return result.Document!.Blocks;
    }

    [Fact]
    public void Read_AlignedRowsUnderHeader_TableWithCaptionHeaderAndCells()
    {
        var pdf = PositionedPdf.Build(
        [
            (60, 760, "The intervals below apply to compressors in continuous service."),
            (60, 730, "Table 3 Maintenance intervals"),
            .. PositionedPdf.Rows(712, Columns,
                ["Item", "Interval", "Limit"],
                ["Oil filter", "500 h", "0.5 bar"],
                ["Air filter element", "2000 h", "0.05 bar"],
                ["Separator cartridge", "4000 h", "1.0 bar"]),
        ]);

        var blocks = Read(pdf);

        var table = Assert.Single(blocks, b => b.Kind == BlockKind.Table);
        Assert.Equal("Table 3 Maintenance intervals", table.Table!.Caption);
        Assert.Equal(["Item", "Interval", "Limit"], table.Table.Header);
        Assert.Equal(["Air filter element", "2000 h", "0.05 bar"], table.Table.Rows[1]);
        Assert.Equal(1, table.Page);
        Assert.Contains(blocks, b => b.Kind == BlockKind.Paragraph && b.Text.StartsWith("The intervals below", StringComparison.Ordinal));
        Assert.DoesNotContain(blocks, b => b.Kind != BlockKind.Table && b.Text.Contains("Separator", StringComparison.Ordinal));
    }

    [Fact]
    public void Chunk_PdfTable_HeaderInEveryChunkWithLabelPageAndRows()
    {
        var rows = Enumerable.Range(1, 60).Select(i => new[] { $"Valve V-{i:D3}", $"{i * 10} h", $"{i}.5 bar" }).ToArray();
        var pdf = PositionedPdf.Build([(60, 800, "Table 7 Valve inspection"), .. PositionedPdf.Rows(782, Columns, [["Valve", "Interval", "Set pressure"], .. rows])]);
        var blocks = Read(pdf);

        var chunks = new StructuredChunker(new ChunkingOptions { MaxTokens = 120, OverlapTokens = 10 }).Chunk("d", "Valves", blocks).Where(c => c.Kind == ChunkKind.Table).ToList();

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.Contains("| Valve | Interval | Set pressure |", c.Text, StringComparison.Ordinal));
        Assert.All(chunks, c => Assert.Equal("Table 7", c.TableLabel));
        Assert.All(chunks, c => Assert.Equal(1, c.PageStart));
        Assert.Equal((1, 60), (chunks[0].TableRows!.Value.First, chunks[^1].TableRows!.Value.Last));
        var row = chunks.Single(c => c.Text.Contains("| Valve V-042 | 420 h | 42.5 bar |", StringComparison.Ordinal));
        Assert.InRange(42, row.TableRows!.Value.First, row.TableRows.Value.Last);
    }

    [Fact]
    public void Read_HeaderWrittenAfterTheBody_FoundAboveByPosition()
    {
        // Some producers (the USDA report among them) write the column header last.
        var pdf = PositionedPdf.Build(
        [
            (60, 730, "Ethanol ($/gal)"),
            .. PositionedPdf.Rows(716, Columns, ["Iowa", "1.35 - 1.42", "1.27 - 1.35"], ["Nebraska", "1.38 - 1.40", "1.27 - 1.35"], ["Wisconsin", "unq", "1.27 - 1.34"]),
            (260, 744, "This week"),
            (400, 744, "Year ago"),
        ]);

        var table = Assert.Single(Read(pdf), b => b.Kind == BlockKind.Table).Table!;

        Assert.Equal(["", "This week", "Year ago"], table.Header);
        Assert.Equal("Ethanol ($/gal)", table.Caption);
        Assert.Equal(["Iowa", "1.35 - 1.42", "1.27 - 1.35"], table.Rows[0]);
    }

    [Fact]
    public void Read_TwoColumnsOfWordsWithoutNumbers_StayParagraphs()
    {
        var pdf = PositionedPdf.Build([.. PositionedPdf.Rows(700, [60, 320], ["Lock the isolator", "Tag the valve"], ["Test for zero energy", "Inform the operator"], ["Remove the tools", "Restore the guard"])]);

        Assert.DoesNotContain(Read(pdf), b => b.Kind == BlockKind.Table);
    }

    [SkippableFact]
    public void Read_SharedUsdaAndRfqTables_RowsUnderTheirHeaders()
    {
        var usda = _reader.Read(EvalData.Path("pdf-docs-en", "ag-energy-round-up-2017-02-24.pdf"), CancellationToken.None).Document!.Blocks;
        var rfq = _reader.Read(EvalData.Path("pdf-docs-en", "SPE8EF26T0545.pdf"), CancellationToken.None).Document!.Blocks;

        var ethanol = usda.Single(b => b.Kind == BlockKind.Table && b.Table!.Caption == "Ethanol ($/gal)").Table!;
        Assert.Equal(["", "W/E 02/24/17", "Last Week", "Year Ago", "Internet Report Link"], ethanol.Header);
        Assert.Equal(["Iowa", "1.35- 1.42", "1.38- 1.43", "1.27- 1.35", "Iowa Ethanol"], ethanol.Rows[0]);
        var history = rfq.First(b => b.Kind == BlockKind.Table && b.Page == 5).Table!;
        Assert.Equal("Procurement History for NSN/FSC:009437946/1740", history.Caption);
        Assert.Equal(["CAGE", "Contract Number", "Quantity", "Unit Cost", "AWD Date", "Surplus Material"], history.Header);
        Assert.Equal(["11201", "SPE8EF26P0052", "9.000", "17658.43000", "20251107", "N"], history.Rows[0]);
    }
}

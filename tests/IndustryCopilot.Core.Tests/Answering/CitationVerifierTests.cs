using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Tests.Answering;

public sealed class CitationVerifierTests
{
    private static readonly Chunk Source = new() { DocumentId = "d", Ordinal = 0, SectionPath = "4.2", Text = "Change the oil every 2000 h. Use VG 46.", Hash = "h" };

    private static Answer With(string text, string quote) => new()
    {
        Question = "q", Text = text, Mode = AnswerMode.Quote,
        Citations = [new Citation { Number = 1, ChunkId = "d#0", DocumentId = "d", DocumentTitle = "t", SectionPath = "4.2", Quote = quote, SourcePath = "/d" }],
    };

    [Fact]
    public void Problems_VerbatimQuoteReferenced_None()
    {
        Assert.Empty(CitationVerifier.Problems(With("Change the oil every 2000 h. [1]", "Change the oil every 2000 h."), _ => Source));
    }

    [Fact]
    public void Problems_QuoteAltered_Reported()
    {
        var problems = CitationVerifier.Problems(With("Change the oil every 1000 h. [1]", "Change the oil every 1000 h."), _ => Source);

        Assert.Contains(problems, p => p.Contains("does not occur", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_MarkerWithoutCitationOrMissingChunk_Reported()
    {
        var problems = CitationVerifier.Problems(With("Change the oil every 2000 h. [1] [2]", "Change the oil every 2000 h."), _ => null);

        Assert.Contains(problems, p => p.StartsWith("[2] in the text", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("missing chunk", StringComparison.Ordinal));
    }
}

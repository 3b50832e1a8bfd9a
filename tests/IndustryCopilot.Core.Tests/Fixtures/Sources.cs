using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>Retrieved chunks and numbered prompt sources built in code.</summary>
internal static class Sources
{
    public static RetrievedChunk Hit(string id, string text, string title = "Air compressor maintenance", string section = "4 Maintenance", string? clause = null, int? page = null, ChunkKind kind = ChunkKind.Text) => new(
        new Chunk { DocumentId = id, Ordinal = 0, SectionPath = section, ClauseLabel = clause, PageStart = page, PageEnd = page, Text = text, Hash = id, Kind = kind, TableRows = kind == ChunkKind.Table ? (1, text.Split('\n').Count(l => l.StartsWith('|')) - 2) : null },
        new DocumentInfo { Id = id, SourcePath = "/plant/" + id, ContentHash = id, Format = "pdf", SizeBytes = 1, Title = title, Language = DocumentLanguage.En, AccessGroups = ["public"] },
        1.0,
        new Dictionary<SearchLane, (int, double)>());

    public static IReadOnlyList<PromptSource> Numbered(params RetrievedChunk[] hits) => [.. hits.Select((h, i) => new PromptSource(i + 1, h, h.Chunk.Text, false))];
}

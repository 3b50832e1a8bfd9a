using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Dense;
using IndustryCopilot.Core.Retrieval.Query;
using IndustryCopilot.Core.Retrieval.Translation;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>An embedded index filled in code, with a retriever over it (dense lane from <see cref="WordHashEmbedder"/>).</summary>
internal sealed class RetrievalIndex : IDisposable
{
    private readonly TempDirectory _data = new();

    public RetrievalIndex(Glossary? glossary = null, bool dense = true, RetrievalOptions? options = null, QueryTranslator? translator = null)
    {
        Index = new SqliteIndex(new IndexOptions { DataDirectory = _data.Path });
        Embedder = dense ? WordHashEmbedder.Create() : null;
        Retriever = new HybridRetriever(Index, options ?? new RetrievalOptions(), glossary ?? Glossary.Empty, Embedder, translator: translator);
    }

    public SqliteIndex Index { get; }

    public TextEmbedder? Embedder { get; }

    public HybridRetriever Retriever { get; }

    public DocumentInfo Add(string id, string title, DocumentLanguage language, params (string Section, string? Clause, string Text)[] chunks) =>
        Add(new DocumentInfo { Id = id, SourcePath = "/plant/" + id, ContentHash = id, Format = "markdown", SizeBytes = 1, Title = title, Language = language, AccessGroups = ["public"] }, chunks);

    public DocumentInfo Add(DocumentInfo document, params (string Section, string? Clause, string Text)[] chunks)
    {
        // A Markdown table (header, separator, rows) becomes a table chunk holding body rows 1..n, as the chunker makes them.
        var list = chunks.Select((c, i) => new Chunk
        {
            DocumentId = document.Id, Ordinal = i, SectionPath = c.Section, ClauseLabel = c.Clause, Text = c.Text, Hash = $"{document.Id}-{i}",
            Kind = c.Text.Contains("\n| ---", StringComparison.Ordinal) ? ChunkKind.Table : ChunkKind.Text,
            TableRows = c.Text.Contains("\n| ---", StringComparison.Ordinal) ? (1, c.Text.Split('\n').Count(l => l.StartsWith('|')) - 2) : null,
        }).ToList();
        Index.ReplaceDocument(document, list, pipelineVersion: 1);
        if (Embedder is not null && Embedder.Supports(document.Language))
        {
            // The test embedders compute in the call, so the task is complete on return (as the search below relies on).
            var embedding = Embedder.EmbedAsync(list.Select(c => c.SearchText).ToList());
            Assert.True(embedding.IsCompletedSuccessfully, "the test embedder completed synchronously");
            var vectors = embedding.Result;
            Index.StoreVectors(Embedder.ModelId, Embedder.Dimension, list.Select((c, i) => (c.Id, vectors[i])).ToList(), document.Id);
        }

        return document;
    }

    /// <summary>
    /// A search over the embedded index, which answers without waiting on anything (no network, no other thread): the
    /// task is complete when it returns, so the many retrieval tests read it directly. A search that would wait fails here.
    /// </summary>
    public SearchResponse Search(string query, int k = 5, SearchFilter? filter = null, SearchLanes lanes = SearchLanes.All, string? modelTranslation = null)
    {
        var search = Retriever.SearchAsync(new SearchRequest(query) { K = k, Filter = filter ?? SearchFilter.None, Lanes = lanes, ModelTranslation = modelTranslation });
        Assert.True(search.IsCompletedSuccessfully, "the embedded index's search completed synchronously");
        return search.Result;
    }

    public void Dispose()
    {
        Index.Dispose();
        _data.Dispose();
    }
}

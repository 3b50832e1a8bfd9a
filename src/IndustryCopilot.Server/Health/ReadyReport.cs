namespace IndustryCopilot.Server.Health;

/// <summary>/health/ready body.</summary>
internal sealed record ReadyReport(string Status, IndexReport Index, IndexingReport Indexing, ModelReport Model, SearchIndexReport SearchIndex);

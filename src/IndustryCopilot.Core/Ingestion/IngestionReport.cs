namespace IndustryCopilot.Core.Ingestion;

/// <summary>Totals and per-file outcomes of an indexing run.</summary>
public sealed record IngestionReport(IReadOnlyList<FileOutcome> Files, IReadOnlyList<string> Pruned, TimeSpan Elapsed)
{
    public int Indexed => Files.Count(f => f.Kind == FileOutcomeKind.Indexed);

    public int Unchanged => Files.Count(f => f.Kind == FileOutcomeKind.Unchanged);

    public int Failed => Files.Count(f => f.Kind == FileOutcomeKind.Failed);

    /// <summary>Documents that went through the chunker in this run (0 for a re-run over unchanged files).</summary>
    public int DocumentsChunked => Indexed;

    public int Pages => Files.Sum(f => f.Pages);

    public int Chunks => Files.Sum(f => f.Chunks);

    public IEnumerable<FileOutcome> NeedingOcr => Files.Where(f => f.PagesNeedingOcr is { Count: > 0 });
}

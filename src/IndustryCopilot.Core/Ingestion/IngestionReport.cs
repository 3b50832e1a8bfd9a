namespace IndustryCopilot.Core.Ingestion;

/// <summary>Totals and per-file outcomes of an indexing run.</summary>
/// <param name="Files">One outcome per file, in the order processed.</param>
/// <param name="Pruned">Source paths of documents removed because their files are gone.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="DocumentsChunked">Times the chunker ran in this run: 0 when every file was unchanged.</param>
/// <param name="Unsupported">Files in the given folders skipped for their type, counted by extension (".doc" → 3).</param>
public sealed record IngestionReport(IReadOnlyList<FileOutcome> Files, IReadOnlyList<string> Pruned, TimeSpan Elapsed, int DocumentsChunked, IReadOnlyDictionary<string, int> Unsupported)
{
    public int Indexed => Files.Count(f => f.Kind == FileOutcomeKind.Indexed);

    public int Unchanged => Files.Count(f => f.Kind == FileOutcomeKind.Unchanged);

    public int Failed => Files.Count(f => f.Kind == FileOutcomeKind.Failed);

    public int Pages => Files.Sum(f => f.Pages);

    public int Chunks => Files.Sum(f => f.Chunks);

    public int PagesByLayout => Files.Sum(f => f.PagesByLayout);

    public IEnumerable<FileOutcome> NeedingOcr => Files.Where(f => f.PagesNeedingOcr is { Count: > 0 });
}

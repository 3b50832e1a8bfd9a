using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Ingestion;

/// <summary>Picks the reader for a file by its extension.</summary>
public sealed class ReaderRegistry
{
    private readonly Dictionary<string, IDocumentReader> _byExtension;

    public ReaderRegistry(IEnumerable<IDocumentReader> readers) =>
        _byExtension = readers.SelectMany(r => r.Extensions.Select(e => (e, r))).ToDictionary(x => x.e, x => x.r, StringComparer.OrdinalIgnoreCase);

    /// <summary>All built-in readers with the given limits.</summary>
    public static ReaderRegistry Default(IngestionOptions options) =>
        new([new PdfReader(options), new DocxReader(options), new XlsxReader(options), new MarkdownReader(options), new PlainTextReader(options)]);

    public IReadOnlyCollection<string> Extensions => _byExtension.Keys;

    public IDocumentReader? For(string path) => _byExtension.GetValueOrDefault(Path.GetExtension(path));
}

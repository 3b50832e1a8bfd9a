namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>Reads one file format into blocks. Implementations never throw for a bad file; they return an error.</summary>
public interface IDocumentReader
{
    /// <summary>Format name recorded on the document (<c>pdf</c>, <c>docx</c> …).</summary>
    string Format { get; }

    /// <summary>Lower-case file extensions with the dot, e.g. <c>.pdf</c>.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    ReadResult Read(string path, CancellationToken cancellationToken);
}

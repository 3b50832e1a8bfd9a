namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>A reader's outcome for one file: a document, or a clear error that names the problem.</summary>
public sealed record ReadResult
{
    public ParsedDocument? Document { get; private init; }

    public string? Error { get; private init; }

    public bool Succeeded => Document is not null;

    public static ReadResult Ok(ParsedDocument document) => new() { Document = document };

    public static ReadResult Fail(string error) => new() { Error = error };
}

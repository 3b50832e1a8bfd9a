namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>Reads plain text in UTF-8, UTF-16 (with BOM) or GB18030/GBK.</summary>
public sealed class PlainTextReader(IngestionOptions options) : IDocumentReader
{
    public string Format => "text";

    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".text", ".log"];

    public ReadResult Read(string path, CancellationToken cancellationToken)
    {
        if (FileGuard.CheckSize(path, options) is { } tooBig)
        {
            return ReadResult.Fail(tooBig);
        }

        var (text, _, error) = TextDecoder.Decode(File.ReadAllBytes(path));
        if (text is null)
        {
            return ReadResult.Fail(error ?? "cannot decode text");
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = LineParagraphs.Build(lines, page: null);
        if (blocks.Count == 0)
        {
            return ReadResult.Fail("no text: the file holds only whitespace");
        }

        return ReadResult.Ok(new ParsedDocument { Format = Format, Blocks = blocks });
    }
}

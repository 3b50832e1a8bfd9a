using IndustryCopilot.Core.Settings;

namespace IndustryCopilot.Core.Ingestion;

/// <summary>Limits that protect ingestion from oversized and hostile files. Bound from <c>Ingestion</c>.</summary>
public sealed class IngestionOptions : IValidatedOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest file accepted, in bytes. Default 200 MiB.</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Most pages read from one PDF. Default 5,000.</summary>
    public int MaxPages { get; set; } = 5_000;

    /// <summary>Largest total decompressed size of a DOCX/XLSX package, in bytes. Default 512 MiB.</summary>
    public long MaxDecompressedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Largest ratio of decompressed to compressed size of one package entry. Default 200.</summary>
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>
    /// Longest time one file may take to read, in seconds. Default 300. A file that takes longer fails alone with
    /// a timeout error and the run goes on (a pathological PDF can make a parser spin).
    /// </summary>
    public int ReadTimeoutSeconds { get; set; } = 300;

    public IEnumerable<string> Problems()
    {
        if (MaxFileBytes < 1 || MaxPages < 1 || MaxDecompressedBytes < 1 || MaxCompressionRatio < 1)
        {
            yield return $"{Section}: MaxFileBytes, MaxPages, MaxDecompressedBytes and MaxCompressionRatio must be at least 1";
        }

        if (ReadTimeoutSeconds is < 1 or > 86_400)
        {
            yield return $"{Section}:ReadTimeoutSeconds must be 1–86400";
        }
    }
}

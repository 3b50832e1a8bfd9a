using System.ComponentModel.DataAnnotations;

namespace IndustryCopilot.Core.Ingestion;

/// <summary>Limits that protect ingestion from oversized and hostile files. Bound from <c>Ingestion</c>.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Largest file accepted, in bytes. Default 200 MiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Most pages read from one PDF. Default 5,000.</summary>
    [Range(1, int.MaxValue)]
    public int MaxPages { get; set; } = 5_000;

    /// <summary>Largest total decompressed size of a DOCX/XLSX package, in bytes. Default 512 MiB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxDecompressedBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Largest ratio of decompressed to compressed size of one package entry. Default 200.</summary>
    [Range(1, int.MaxValue)]
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>
    /// Longest time one file may take to read, in seconds. Default 300. A file that takes longer fails alone with
    /// a timeout error and the run goes on (a pathological PDF can make a parser spin).
    /// </summary>
    [Range(1, 86_400)]
    public int ReadTimeoutSeconds { get; set; } = 300;

    /// <summary>Throws when a value is out of range, naming the setting.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}

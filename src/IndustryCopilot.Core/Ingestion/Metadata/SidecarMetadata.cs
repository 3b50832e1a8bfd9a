using System.Text.Json;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Ingestion.Metadata;

/// <summary>
/// Reads <c>&lt;file&gt;.meta.json</c> next to a source file, e.g.
/// <c>{"docType":"sop","equipment":"CNC-3","line":"L2","accessGroups":["production"],"revision":"C","effectiveDate":"2024-03-01"}</c>.
/// </summary>
public static class SidecarMetadata
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Path of the sidecar for <paramref name="sourcePath"/>.</summary>
    public static string PathFor(string sourcePath) => sourcePath + ".meta.json";

    /// <summary>True for sidecar files themselves, which are metadata, not documents.</summary>
    public static bool IsSidecar(string path) => path.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the sidecar's metadata and raw text (empty when absent); throws <see cref="InvalidDataException"/> when malformed.</summary>
    public static (DocumentMetadata Metadata, string Raw) Load(string sourcePath)
    {
        var path = PathFor(sourcePath);
        if (!File.Exists(path))
        {
            return (new DocumentMetadata(), "");
        }

        var raw = File.ReadAllText(path);
        try
        {
            return (JsonSerializer.Deserialize<DocumentMetadata>(raw, Json) ?? new DocumentMetadata(), raw);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"invalid sidecar {Path.GetFileName(path)}: {ex.Message}", ex);
        }
    }
}

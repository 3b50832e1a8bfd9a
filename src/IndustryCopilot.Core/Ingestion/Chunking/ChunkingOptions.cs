using IndustryCopilot.Core.Settings;

namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>Chunk size settings, in approximate tokens (one per CJK character, one per word). Bound from <c>Chunking</c>.</summary>
public sealed class ChunkingOptions : IValidatedOptions
{
    public const string Section = "Chunking";

    /// <summary>Largest chunk. A clause, article or step sequence that fits is never split. Default 400.</summary>
    public int MaxTokens { get; set; } = 400;

    /// <summary>Tokens of the previous piece repeated at the start of the next when a long section is split. Default 40.</summary>
    public int OverlapTokens { get; set; } = 40;

    public IEnumerable<string> Problems()
    {
        if (MaxTokens is < 50 or > 8000 || OverlapTokens is < 0 or > 2000)
        {
            yield return $"{Section}: MaxTokens must be 50–8000 and OverlapTokens 0–2000";
        }

        if (OverlapTokens * 2 >= MaxTokens)
        {
            yield return $"{Section}:OverlapTokens ({OverlapTokens}) must be less than half of {Section}:MaxTokens ({MaxTokens})";
        }
    }
}

using System.ComponentModel.DataAnnotations;

namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>Chunk size settings, in approximate tokens (one per CJK character, one per word). Bound from <c>Chunking</c>.</summary>
public sealed class ChunkingOptions : IValidatableObject
{
    public const string Section = "Chunking";

    /// <summary>Largest chunk. A clause, article or step sequence that fits is never split. Default 400.</summary>
    [Range(50, 8000)]
    public int MaxTokens { get; set; } = 400;

    /// <summary>Tokens of the previous piece repeated at the start of the next when a long section is split. Default 40.</summary>
    [Range(0, 2000)]
    public int OverlapTokens { get; set; } = 40;

    /// <summary>Throws when a value is out of range or the overlap is not smaller than half the chunk size.</summary>
    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (OverlapTokens * 2 >= MaxTokens)
        {
            yield return new ValidationResult($"Chunking:OverlapTokens ({OverlapTokens}) must be less than half of Chunking:MaxTokens ({MaxTokens}).", [nameof(OverlapTokens)]);
        }
    }
}

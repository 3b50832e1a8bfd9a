namespace IndustryCopilot.Qdrant.Collections;

/// <summary>The collection an alias pointed to (null: no alias) when it was last looked up; swapped whole, so threads never see half of one.</summary>
internal sealed record AliasTarget(string? Collection, DateTimeOffset At);

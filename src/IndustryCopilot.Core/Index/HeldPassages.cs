namespace IndustryCopilot.Core.Index;

/// <summary>A document's passages held because they address an assistant: how many, the first reason, and whether an admin released its current version.</summary>
public sealed record HeldPassages(string DocumentId, int Count, string Reason, bool Released);

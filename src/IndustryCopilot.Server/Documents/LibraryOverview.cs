namespace IndustryCopilot.Server.Documents;

/// <summary>What the copilot knows, for the empty chat page: documents the caller may see by type, their languages, when the last one was indexed, and example questions.</summary>
internal sealed record LibraryOverview(int Documents, IReadOnlyDictionary<string, int> ByType, IReadOnlyList<string> Languages, DateTimeOffset? LastIndexed, IReadOnlyList<string> Examples);

namespace IndustryCopilot.Server.Security;

/// <summary>One directory group and what it gives.</summary>
internal sealed record GroupMappingView(string Directory, IReadOnlyList<string> Groups, string Role);

namespace IndustryCopilot.Server.Security;

/// <summary>The caller as the UI needs it; <see cref="Model"/> is null in quote mode.</summary>
internal sealed record SessionView(string Name, string Role, IReadOnlyList<string> Groups, string? Model);

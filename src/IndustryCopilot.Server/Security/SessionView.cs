namespace IndustryCopilot.Server.Security;

/// <summary>The caller as the UI needs it; <see cref="Model"/> is null in quote mode; <see cref="Method"/> is key, ldap, oidc or anonymous.</summary>
internal sealed record SessionView(string Name, string Role, IReadOnlyList<string> Groups, string? Model, string Method);

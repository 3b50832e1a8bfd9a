namespace IndustryCopilot.Server.Security;

/// <summary>A key to create: a unique name (1–100 characters), its role (reader, editor, admin; default reader) and document groups.</summary>
internal sealed record NewKey(string? Name, string? Role, string[]? Groups);

namespace IndustryCopilot.Server.Security;

/// <summary>A created key: <see cref="Key"/> is shown this once and never again.</summary>
internal sealed record NewKeyView(string Key, KeyView Record);

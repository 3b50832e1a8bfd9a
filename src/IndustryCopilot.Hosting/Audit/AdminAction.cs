namespace IndustryCopilot.Hosting.Audit;

/// <summary>An administrative action as the audit keeps it: when, by which key or person, what (<c>release-held</c> …), on what, and the detail reviewed.</summary>
public sealed record AdminAction(DateTimeOffset Time, string KeyId, string KeyName, string Action, string Target, string Detail);

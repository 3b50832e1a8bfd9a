namespace IndustryCopilot.Server.Health;

/// <summary>What the serving index holds.</summary>
internal sealed record IndexReport(int Documents, long Chunks, string DataDirectory);

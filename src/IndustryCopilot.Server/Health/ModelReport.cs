namespace IndustryCopilot.Server.Health;

/// <summary>Who writes answers: the configured provider, and whether answers are generated or quoted.</summary>
internal sealed record ModelReport(string Provider, string Answers);

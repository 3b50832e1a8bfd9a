namespace IndustryCopilot.Server.Mes;

/// <summary>A numbered step of a cited procedure, with the citation it comes from.</summary>
internal sealed record MesStep(int Number, string Text, int Citation);

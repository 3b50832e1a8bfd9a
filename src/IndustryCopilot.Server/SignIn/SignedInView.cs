namespace IndustryCopilot.Server.SignIn;

/// <summary>Who has just signed in, with the role and document groups the directory gave them.</summary>
internal sealed record SignedInView(string Name, string Role, IReadOnlyList<string> Groups);

namespace IndustryCopilot.Server.SignIn;

/// <summary>The token a page sends back in <see cref="HeaderName"/> with every state-changing request made with the session cookie.</summary>
internal sealed record AntiforgeryToken(string Token, string HeaderName);

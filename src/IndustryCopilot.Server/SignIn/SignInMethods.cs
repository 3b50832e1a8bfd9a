namespace IndustryCopilot.Server.SignIn;

/// <summary>What the sign-in page offers: the directory form, a single sign-on button (its label), and always the API-key field.</summary>
internal sealed record SignInMethods(bool Directory, string? SingleSignOn);

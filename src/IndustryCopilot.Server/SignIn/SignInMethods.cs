namespace IndustryCopilot.Server.SignIn;

/// <summary>
/// What the sign-in page offers: the directory form, a single sign-on button (its label), and always the API-key field;
/// and the plant's page language (<c>Server:DefaultLanguage</c>: <c>zh</c>, <c>en</c>, or null to follow the browser) until a person picks one.
/// </summary>
internal sealed record SignInMethods(bool Directory, string? SingleSignOn, string? DefaultLanguage);

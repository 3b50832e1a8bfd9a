namespace IndustryCopilot.Server.SignIn;

/// <summary>The sign-in form: the directory user name (as the filter expects it) and password. The password is never logged or stored.</summary>
internal sealed record DirectorySignIn(string? UserName, string? Password);

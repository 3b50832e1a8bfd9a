namespace IndustryCopilot.Server.SignIn;

/// <summary>A live session as an admin sees it: whose (subject and name), with which groups, since when and until when (never the ticket).</summary>
internal sealed record KeptSession(string Subject, string Name, IReadOnlyList<string> Groups, DateTimeOffset Created, DateTimeOffset? Expires);

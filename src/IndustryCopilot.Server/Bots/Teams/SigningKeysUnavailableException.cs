namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>The Bot Framework's signing keys could not be fetched and none were fetched before: no token can be judged.</summary>
internal sealed class SigningKeysUnavailableException : Exception
{
    public SigningKeysUnavailableException(string message)
        : base(message)
    {
    }

    public SigningKeysUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

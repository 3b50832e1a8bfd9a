namespace IndustryCopilot.Server.SignIn;

/// <summary>What a person whose directory groups match no <c>Auth:GroupMap</c> entry gets.</summary>
public enum UnmappedUsers
{
    /// <summary>Signs in as a reader of <c>public</c> documents.</summary>
    Public,

    /// <summary>Sign-in is refused.</summary>
    Refuse,
}

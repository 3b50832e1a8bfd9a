namespace IndustryCopilot.Server.Bots;

/// <summary>What a bot does with a user who is not in its <c>Users</c> map.</summary>
public enum UnmappedUsers
{
    /// <summary>Answer from <c>public</c> documents only.</summary>
    Public,

    /// <summary>Reply that the user is not set up, and answer nothing.</summary>
    Refuse,
}

namespace IndustryCopilot.Hosting.Security;

/// <summary>What a key may do: read (ask, search), edit documents (upload, delete), or administer (keys, audit).</summary>
public enum ApiKeyRole
{
    Reader,
    Editor,
    Admin,
}

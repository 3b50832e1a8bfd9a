namespace IndustryCopilot.Hosting.Security;

/// <summary>A key of the requested name exists already (names are unique, revoked keys included).</summary>
public sealed class DuplicateKeyNameException(string name) : Exception($"a key named '{name}' already exists")
{
    public string Name { get; } = name;
}

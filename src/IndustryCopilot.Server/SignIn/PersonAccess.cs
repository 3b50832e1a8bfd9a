using IndustryCopilot.Hosting.Security;

namespace IndustryCopilot.Server.SignIn;

/// <summary>What a signed-in person may see and do, from their directory groups through <c>Auth:GroupMap</c>.</summary>
internal sealed record PersonAccess(ApiKeyRole Role, IReadOnlyList<string> Groups)
{
    /// <summary>The access of a person with these directory groups, or null when <c>Auth:UnmappedUsers</c> refuses them.</summary>
    public static PersonAccess? Of(IEnumerable<string> directoryGroups, AuthOptions options)
    {
        var held = directoryGroups.Select(Normalize).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var matched = options.GroupMap.Where(m => held.Contains(Normalize(m.Directory))).ToList();
        if (matched.Count == 0 && options.UnmappedUsers == UnmappedUsers.Refuse)
        {
            return null;
        }

        var role = matched.Select(m => m.Role ?? ApiKeyRole.Reader).DefaultIfEmpty(ApiKeyRole.Reader).Max();
        List<string> groups = [.. matched.SelectMany(m => m.Groups).Select(g => g.Trim()).Where(g => g.Length > 0).Append("public").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        return new PersonAccess(role, groups);
    }

    // Directories write "CN=QA, OU=Groups" and "cn=QA,ou=Groups" for the same DN; compare without the blanks after commas.
    private static string Normalize(string name) => string.Join(',', name.Split(',').Select(part => part.Trim()));
}

using System.Security.Cryptography;
using System.Text;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Hosting.Security;

/// <summary>
/// What every key store does the same way: checks a new key's name, role and groups, makes the secret (32 random
/// bytes shown once as <c>icp_</c> + hex) and its SHA-256, the only form stored (keys are random, so no salt or slow
/// hash is needed to resist guessing; a stolen database reveals no usable key).
/// </summary>
public static class ApiKeySecrets
{
    /// <summary>How stale <see cref="ApiKey.LastUsed"/> may be: it is written at most this often per key.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private const string Prefix = "icp_";

    /// <summary>A new key and its record, after checking the request.</summary>
    /// <exception cref="ArgumentException">A bad name, role or group.</exception>
    public static (string Key, string Hash, ApiKey Record) Issue(string name, ApiKeyRole role, IEnumerable<string> groups, bool allGroups, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException("a key name of 1–100 characters is required", nameof(name));
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException("role must be reader, editor or admin", nameof(role));
        }

        if (allGroups && role != ApiKeyRole.Admin)
        {
            throw new ArgumentException("only an admin key can manage all groups", nameof(allGroups));
        }

        var groupList = groups.Select(g => g.Trim()).Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (groupList.FirstOrDefault(g => !AccessGroupName.IsValid(g)) is { } bad)
        {
            throw new ArgumentException($"'{bad}' is not a group name: {AccessGroupName.Rule}", nameof(groups));
        }

        var key = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var record = new ApiKey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), name.Trim(), role, groupList, now, null) { AllGroups = allGroups };
        return (key, Hash(key), record);
    }

    /// <summary>The stored form of a presented key, or null when it cannot be one of ours (no lookup needed).</summary>
    public static string? HashOf(string presented) =>
        presented.StartsWith(Prefix, StringComparison.Ordinal) && presented.Length == Prefix.Length + 64 ? Hash(presented) : null;

    /// <summary>Whether a key last used at <paramref name="lastUsed"/> should have its use recorded at <paramref name="now"/>.</summary>
    public static bool UseWorthRecording(DateTimeOffset? lastUsed, DateTimeOffset now) => lastUsed is not { } used || now - used >= LastUsedResolution;

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

namespace IndustryCopilot.Server.Security;

/// <summary>The sign-in methods and group mapping in force, for the admin page.</summary>
internal sealed record SignInSettingsView(bool Directory, string? SingleSignOn, string UnmappedUsers, int RefreshMinutes, IReadOnlyList<GroupMappingView> GroupMap);

namespace IndustryCopilot.Hosting.Backup;

/// <summary>
/// What a backup holds (<c>backup.json</c> in the backup folder): when it was taken, from which data directory, and
/// every file with its size and hash, checked again before a restore replaces anything.
/// </summary>
public sealed record BackupManifest(int Format, DateTimeOffset Created, string Source, IReadOnlyList<BackupFile> Files)
{
    public const string FileName = "backup.json";

    /// <summary>The manifest format this version writes and reads.</summary>
    public const int CurrentFormat = 1;
}

using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace IndustryCopilot.Hosting.Backup;

/// <summary>
/// Backs up and restores a data directory (index, keys, audit, uploads). A backup may be taken while the server runs:
/// each SQLite database is copied through SQLite's online backup, which reads one consistent snapshot while other
/// connections keep writing; other files are copied as they are; SQLite's -wal/-shm side files are not needed (the
/// snapshot holds their content). A restore checks every file's hash and every database's integrity first, builds the
/// new directory beside the target, and only then swaps it in; the replaced directory is kept, renamed, never deleted.
/// </summary>
public static class DataBackup
{
    private static readonly string[] SideFiles = ["-wal", "-shm", "-journal"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Copies <paramref name="dataDirectory"/> into the new or empty folder <paramref name="destination"/>.</summary>
    public static BackupManifest Create(string dataDirectory, string destination, TimeProvider? time = null)
    {
        var source = Path.GetFullPath(dataDirectory);
        if (!File.Exists(Path.Combine(source, "index.db")))
        {
            throw new DirectoryNotFoundException($"no data directory at {source} (index.db is missing)");
        }

        var target = Path.GetFullPath(destination);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new InvalidOperationException($"the backup folder {target} is not empty; give a new folder");
        }

        Directory.CreateDirectory(target);
        var files = new List<BackupFile>();
        foreach (var path in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(source, path);
            if (SideFiles.Any(s => path.EndsWith(".db" + s, StringComparison.Ordinal)))
            {
                continue;
            }

            var copy = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            if (IsDatabase(relative))
            {
                Snapshot(path, copy);
            }
            else
            {
                File.Copy(path, copy);
            }

            files.Add(Describe(copy, relative));
        }

        var manifest = new BackupManifest(BackupManifest.CurrentFormat, (time ?? TimeProvider.System).GetUtcNow(), source, files);
        File.WriteAllText(Path.Combine(target, BackupManifest.FileName), JsonSerializer.Serialize(manifest, Json));
        return manifest;
    }

    /// <summary>
    /// Restores <paramref name="backup"/> into <paramref name="dataDirectory"/>. A directory that already holds data is
    /// replaced only with <paramref name="replace"/> (the server must be stopped first) and is kept as
    /// <c>&lt;dir&gt;.replaced-&lt;time&gt;</c>. Returns the backup's manifest and that path (null when there was nothing to keep).
    /// </summary>
    public static (BackupManifest Manifest, string? Kept) Restore(string backup, string dataDirectory, bool replace, TimeProvider? time = null)
    {
        var from = Path.GetFullPath(backup);
        var manifest = ReadManifest(from);
        var target = Path.GetFullPath(dataDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var occupied = Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any();
        if (occupied && !replace)
        {
            throw new InvalidOperationException($"{target} already holds data; stop the server, then restore with --force (the current folder is kept, renamed)");
        }

        var stamp = (time ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var staging = $"{target}.restoring-{stamp}";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        try
        {
            foreach (var file in manifest.Files)
            {
                var source = Path.Combine(from, file.Path);
                if (!File.Exists(source) || Describe(source, file.Path) != file)
                {
                    throw new InvalidDataException($"the backup is damaged: {file.Path} is missing or differs from {BackupManifest.FileName}");
                }

                var copy = Path.Combine(staging, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(source, copy);
                if (IsDatabase(file.Path))
                {
                    CheckIntegrity(copy, file.Path);
                }
            }
        }
        catch
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }

            throw;
        }

        string? kept = null;
        if (Directory.Exists(target))
        {
            kept = occupied ? $"{target}.replaced-{stamp}" : null;
            if (kept is null)
            {
                Directory.Delete(target);
            }
            else
            {
                Directory.Move(target, kept);
            }
        }

        Directory.Move(staging, target);
        return (manifest, kept);
    }

    /// <summary>Reads and checks a backup's manifest.</summary>
    public static BackupManifest ReadManifest(string backup)
    {
        var path = Path.Combine(backup, BackupManifest.FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{backup} is not a backup: {BackupManifest.FileName} is missing", path);
        }

        var manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path} is empty");
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw new InvalidDataException($"{path} has format {manifest.Format}; this version reads format {BackupManifest.CurrentFormat}");
        }

        if (manifest.Files.Any(f => Path.IsPathRooted(f.Path) || f.Path.Split('/', '\\').Contains("..")))
        {
            throw new InvalidDataException($"{path} names a file outside the backup");
        }

        return manifest;
    }

    // The data directory's own SQLite files (index.db, keys.db, audit.db); anything in a subfolder is a plain file.
    private static bool IsDatabase(string relative) =>
        relative.EndsWith(".db", StringComparison.Ordinal) && !relative.Contains('/', StringComparison.Ordinal) && !relative.Contains('\\', StringComparison.Ordinal);

    private static void Snapshot(string database, string copy)
    {
        // Mode=ReadWrite: never create a database that is not there; the backup itself only reads.
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
        using var command = to.CreateCommand();
        // One self-contained file: no -wal beside it in the backup.
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        command.ExecuteNonQuery();
    }

    private static void CheckIntegrity(string database, string name)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        if (command.ExecuteScalar() as string != "ok")
        {
            throw new InvalidDataException($"the backup is damaged: {name} fails SQLite's integrity check");
        }
    }

    private static BackupFile Describe(string path, string relative)
    {
        using var stream = File.OpenRead(path);
        return new BackupFile(relative.Replace('\\', '/'), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}

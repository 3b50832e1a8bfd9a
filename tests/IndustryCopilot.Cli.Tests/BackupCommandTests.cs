using IndustryCopilot.Cli.Tests.Fixtures;

namespace IndustryCopilot.Cli.Tests;

public sealed class BackupCommandTests
{
    private const string Question = "E-203 报警怎么处理？";

    [Fact]
    public void BackupThenRestore_IntoNewDataDirectory_AnswersTheSameQuestionTheSameWay()
    {
        using var dir = new TempDirectory();
        var original = dir.Sub("data");
        var restored = dir.Sub("restored");
        var backup = dir.Sub("backup");
        Assert.Equal(0, IcpProcess.Run(["index", "corpus", "--data-dir", original]).ExitCode);
        var key = IcpProcess.Run(["keys", "add", "--name", "mes-line3", "--groups", "production", "--data-dir", original]).Output.TrimEnd().Split('\n')[^1];
        var before = IcpProcess.Run(["ask", Question, "--json", "--data-dir", original]);

        var backedUp = IcpProcess.Run(["backup", backup, "--data-dir", original]);
        var restore = IcpProcess.Run(["restore", backup, "--data-dir", restored]);
        var after = IcpProcess.Run(["ask", Question, "--json", "--data-dir", restored]);
        var keys = IcpProcess.Run(["keys", "list", "--data-dir", restored]);

        Assert.True(backedUp.ExitCode == 0, backedUp.Error);
        Assert.Contains("index.db", backedUp.Output, StringComparison.Ordinal);
        Assert.Contains("keys.db", backedUp.Output, StringComparison.Ordinal);
        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal(0, before.ExitCode);
        Assert.Contains("E-203", before.Output, StringComparison.Ordinal);
        Assert.Equal(WithoutTimings(before.Output), WithoutTimings(after.Output));
        Assert.Contains("mes-line3", keys.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, keys.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_OverExistingDataOrFromDamagedBackup_RefusedAndNothingLost()
    {
        using var dir = new TempDirectory();
        var (data, backup) = IndexedAndBackedUp(dir);
        var indexBefore = File.ReadAllBytes(Path.Combine(data, "index.db"));

        var overExisting = IcpProcess.Run(["restore", backup, "--data-dir", data]);
        using (var stream = File.OpenWrite(Path.Combine(backup, "index.db")))
        {
            stream.Seek(4096, SeekOrigin.Begin);
            stream.Write("damaged"u8);
        }

        var damaged = IcpProcess.Run(["restore", backup, "--data-dir", data, "--force"]);
        var intoBackup = IcpProcess.Run(["backup", backup, "--data-dir", data]);

        Assert.Equal(2, overExisting.ExitCode);
        Assert.Contains("already holds data", overExisting.Error, StringComparison.Ordinal);
        Assert.Equal(2, damaged.ExitCode);
        Assert.Contains("the backup is damaged: index.db", damaged.Error, StringComparison.Ordinal);
        Assert.Equal(indexBefore, File.ReadAllBytes(Path.Combine(data, "index.db")));
        Assert.DoesNotContain(Directory.GetDirectories(dir.Path), d => d.Contains(".restoring-", StringComparison.Ordinal));
        Assert.Equal(2, intoBackup.ExitCode);
        Assert.Contains("is not empty", intoBackup.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void RestoreForce_OverExistingData_ReplacesItAndKeepsTheOldFolder()
    {
        using var dir = new TempDirectory();
        var (data, backup) = IndexedAndBackedUp(dir);
        Assert.Equal(0, IcpProcess.Run(["keys", "add", "--name", "after-backup", "--data-dir", data]).ExitCode);

        var restore = IcpProcess.Run(["restore", backup, "--data-dir", data, "--force"]);
        var keys = IcpProcess.Run(["keys", "list", "--data-dir", data]);

        Assert.True(restore.ExitCode == 0, restore.Error);
        var kept = Assert.Single(Directory.GetDirectories(dir.Path, "data.replaced-*"));
        Assert.Contains(kept, restore.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(kept, "keys.db")));
        Assert.DoesNotContain("after-backup", keys.Output, StringComparison.Ordinal);
    }

    // corpus/ indexed into data/, then backed up into backup/.
    private static (string Data, string Backup) IndexedAndBackedUp(TempDirectory dir)
    {
        var data = dir.Sub("data");
        var backup = dir.Sub("backup");
        Assert.Equal(0, IcpProcess.Run(["index", "corpus", "--data-dir", data]).ExitCode);
        Assert.Equal(0, IcpProcess.Run(["backup", backup, "--data-dir", data]).ExitCode);
        return (data, backup);
    }

    // The JSON answer carries per-stage milliseconds; everything else must be equal.
    private static string WithoutTimings(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"timingsMs\"\\s*:\\s*\\{[^}]*\\}", "\"timingsMs\": {}");
}

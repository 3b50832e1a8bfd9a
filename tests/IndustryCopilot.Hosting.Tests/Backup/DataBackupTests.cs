using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Backup;

namespace IndustryCopilot.Hosting.Tests.Backup;

public sealed class DataBackupTests
{
    [Fact]
    public void CreateThenRestore_UploadNamedDotDb_CopiedAsAPlainFileNotOpenedAsSqlite()
    {
        using var dir = new TempDirectory();
        var data = dir.Sub("data");
        using (new SqliteIndex(new IndexOptions { DataDirectory = data }))
        {
        }

        Directory.CreateDirectory(Path.Combine(data, "uploads"));
        File.WriteAllText(Path.Combine(data, "uploads", "line3-notes.db"), "not a database");

        var created = DataBackup.Create(data, dir.Sub("backup"));
        var (restored, kept) = DataBackup.Restore(dir.Sub("backup"), dir.Sub("restored"), replace: false);

        Assert.Equal(["index.db", "uploads/line3-notes.db"], created.Files.Select(f => f.Path));
        Assert.Equal(created.Files, restored.Files);
        Assert.Null(kept);
        Assert.Equal("not a database", File.ReadAllText(Path.Combine(dir.Sub("restored"), "uploads", "line3-notes.db")));
    }
}

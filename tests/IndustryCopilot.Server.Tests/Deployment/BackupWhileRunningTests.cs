using System.Net;
using System.Text.Json;
using IndustryCopilot.Hosting.Audit;
using IndustryCopilot.Hosting.Backup;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Deployment;

public sealed class BackupWhileRunningTests
{
    private static readonly object Question = new { question = "What is the oil change interval of the AC-37 compressor?" };

    [Fact]
    public async Task Backup_WhileServerAnswers_RestoredServerGivesTheSameAnswerToTheSameKeyWithTheAudit()
    {
        var backup = Path.Combine(Path.GetTempPath(), "icp-backup-" + Guid.NewGuid().ToString("N"));
        var restoredData = Path.Combine(Path.GetTempPath(), "icp-restored-" + Guid.NewGuid().ToString("N"));
        try
        {
            string key;
            JsonElement before;
            using (var running = new CorpusServer { Anonymous = false })
            {
                key = running.AddKey("mes-line3", ApiKeyRole.Reader, "production");
                using var client = await running.ReadyClientAsync(key);
                before = await Ask(client);

                // Taken with the server's connections open and another answer being written to the audit meanwhile.
                var answering = Ask(client);
                DataBackup.Create(running.DataDirectory, backup);
                await answering;
            }

            DataBackup.Restore(backup, restoredData, replace: false);
            using var restored = new CorpusServer { Anonymous = false, DataDirectory = restoredData, Settings = new Dictionary<string, string> { ["Server:IndexOnStart"] = "false" } };
            using var restoredClient = await restored.ReadyClientAsync(key);
            var after = await Ask(restoredClient);

            Assert.Equal(before.GetProperty("answer").GetString(), after.GetProperty("answer").GetString());
            Assert.Equal(Citations(before), Citations(after));
            using var audit = new SqliteAuditLog(restoredData);
            Assert.Contains((await audit.QueryAsync(new AuditQuery(), null)), e => e.Entry.Id == before.GetProperty("answerId").GetString());
        }
        finally
        {
            if (Directory.Exists(backup))
            {
                Directory.Delete(backup, recursive: true);
            }
        }
    }

    private static async Task<JsonElement> Ask(HttpClient client)
    {
        var response = await CorpusServer.PostJson(client, "/api/ask", Question);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static string Citations(JsonElement answer) =>
        string.Join("\n", answer.GetProperty("citations").EnumerateArray().Select(c => $"{c.GetProperty("chunkId")} {c.GetProperty("quote")}"));
}

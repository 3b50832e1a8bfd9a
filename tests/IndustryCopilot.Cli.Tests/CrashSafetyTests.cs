using System.Diagnostics;
using IndustryCopilot.Cli.Tests.Fixtures;
using IndustryCopilot.Core.Index;
using Microsoft.Data.Sqlite;
using Until = IndustryCopilot.Core.Tests.Fixtures.Until;

namespace IndustryCopilot.Cli.Tests;

/// <summary>
/// Kills <c>icp index</c> while it fills a fresh index and while it replaces every document with a new version, and
/// checks that the index is never a mix and that a re-run equals a clean build. Half of the kills are placed: the
/// process is held inside a transaction (<c>ICP_TEST_HOLD</c>) and killed there, so those land mid-transaction on
/// any machine. The other half land at random moments (after a random number of committed documents); their timing
/// varies with the machine, but what is asserted after each kill does not depend on where it landed.
/// </summary>
public sealed class CrashSafetyTests
{
    private const int Files = 40;

    [Fact]
    public async Task Index_KilledInsideTransactionsAndAtRandomMoments_RerunEqualsCleanBuild()
    {
        using var dir = new TempDirectory();
        var corpus = Directory.CreateDirectory(dir.Sub("corpus")).FullName;
        WriteCorpus(corpus, version: 'A');
        var cleanA = Build(corpus, dir.Sub("clean-a"));
        WriteCorpus(corpus, version: 'B');
        var cleanB = Build(corpus, dir.Sub("clean-b"));
        var hashesB = cleanB.Values.Select(v => v.Split(':')[0]).ToHashSet();
        Assert.Equal(Files, cleanA.Count);
        Assert.NotEqual(Snapshot.Describe(cleanA), Snapshot.Describe(cleanB));

        var random = new Random(20261127);
        string[] points = ["document-before-commit", "vectors-before-commit"];
        var held = 0;
        for (var i = 0; i < 12; i++)
        {
            var replacing = i % 2 == 1;
            var placed = i % 4 < 2;
            var data = dir.Sub($"crash-{i}");
            Directory.CreateDirectory(data);
            if (replacing)
            {
                // Start from a complete index of version A, then kill while version B replaces it.
                File.Copy(Path.Combine(dir.Sub("clean-a"), "index.db"), Path.Combine(data, "index.db"));
            }

            WriteCorpus(corpus, replacing ? 'B' : 'A');
            var target = replacing ? cleanB : cleanA;
            var committed = random.Next(1, Files - 1);
            var hold = placed ? new Dictionary<string, string> { ["ICP_TEST_HOLD"] = $"{points[i / 4 % 2]}:{committed}" } : null;

            using (var process = IcpProcess.Start(["index", corpus, "--data-dir", data], hold))
            {
                var output = process.StandardOutput.ReadToEndAsync();
                if (placed)
                {
                    await Until.Guarded(HeldAsync(process), $"icp index held at {hold!["ICP_TEST_HOLD"]}");
                    held++;
                }
                else
                {
                    // Anywhere in the next file's read, chunk or transaction, or after the run if it was quicker.
                    WaitForCommitted(process, data, replacing ? hashesB : null, committed);
                    Thread.Sleep(random.Next(0, 25));
                }

                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                await output;
            }

            var afterKill = Snapshot.Read(data);
            Snapshot.AssertConsistent(data);
            foreach (var (path, document) in afterKill)
            {
                Assert.True(document == cleanA[path] || document == cleanB[path], $"kill {i}: {Path.GetFileName(path)} is a mix of versions");
            }

            if (placed)
            {
                // Held before the commit of the committed-th pass: exactly the passes before it are in.
                Assert.True(afterKill.Count(d => d.Value == target[d.Key]) < Files, $"kill {i}: the held transaction was committed");
            }

            var rerun = IcpProcess.Run(["index", corpus, "--data-dir", data]);
            Assert.True(rerun.ExitCode == 0, rerun.Output + rerun.Error);
            Assert.Equal(Snapshot.Describe(target), Snapshot.Describe(Snapshot.Read(data)));
        }

        Assert.Equal(6, held);
    }

    // Reads standard error until the process says it is held (it then blocks until killed).
    private static async Task HeldAsync(System.Diagnostics.Process process)
    {
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("icp: held at ", StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"icp index ended (exit {process.ExitCode}) without reaching its hold point");
    }

    // Watches the index file until the count is reached or the process ends; only spaces out the kill, never asserted.
    private static void WaitForCommitted(System.Diagnostics.Process process, string data, HashSet<string>? newHashes, int committed)
    {
        var guard = Stopwatch.StartNew();
        while (!process.HasExited && guard.Elapsed < Until.HangGuard && Progress(data, newHashes) < committed)
        {
            Thread.Sleep(5);
        }
    }

    private static Dictionary<string, string> Build(string corpus, string data)
    {
        var result = IcpProcess.Run(["index", corpus, "--data-dir", data]);
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        return Snapshot.Read(data);
    }

    // Documents committed so far (of the new version when replacing), read without disturbing the writer.
    private static int Progress(string data, HashSet<string>? newHashes)
    {
        var path = Path.Combine(data, "index.db");
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT content_hash FROM documents";
            using var reader = command.ExecuteReader();
            var count = 0;
            while (reader.Read())
            {
                count += newHashes is null || newHashes.Contains(reader.GetString(0)) ? 1 : 0;
            }

            return count;
        }
        catch (SqliteException)
        {
            // The schema may not exist yet in the first milliseconds.
            return 0;
        }
    }

    // Deterministic bilingual maintenance rules; version B changes one article in every file.
    private static void WriteCorpus(string directory, char version)
    {
        string[] parts = ["主轴", "液压站", "冷却泵", "空压机", "导轨", "刀库", "排屑机", "润滑泵"];
        for (var f = 0; f < Files; f++)
        {
            var lines = new List<string> { $"# 设备维护规程 MR-{f:D3}", "" };
            for (var chapter = 1; chapter <= 3; chapter++)
            {
                lines.Add($"## 第{"一二三"[chapter - 1]}章 {parts[(f + chapter) % parts.Length]}维护");
                lines.Add("");
                for (var a = 1; a <= 12; a++)
                {
                    var n = (chapter - 1) * 12 + a;
                    var changed = version == 'B' && a == 5 ? "（B版修订）" : "";
                    lines.Add($"第{n}条 {parts[(f + n) % parts.Length]}每运行{100 * ((f + n) % 9 + 1)}小时检查一次，报警代码 E-{200 + n} 出现时停机处理{changed}。Check {parts.Length + n} bolts at {10 + n} N·m.");
                    lines.Add("");
                }
            }

            File.WriteAllLines(Path.Combine(directory, $"mr-{f:D3}.md"), lines);
        }
    }

    private static class Snapshot
    {
        public static Dictionary<string, string> Read(string data)
        {
            SqliteConnection.ClearAllPools();
            using var index = new SqliteIndex(new IndexOptions { DataDirectory = data });
            return index.ListDocuments().ToDictionary(
                d => d.SourcePath,
                d => d.ContentHash + ":" + string.Join(",", index.GetChunks(d.Id).Select(c => c.Hash)));
        }

        public static string Describe(Dictionary<string, string> snapshot) =>
            string.Join("\n", snapshot.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));

        public static void AssertConsistent(string data)
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "index.db")};Pooling=False");
            connection.Open();
            Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM documents d WHERE chunk_count <> (SELECT COUNT(*) FROM chunks c WHERE c.doc_id = d.id)"));
            Assert.Equal(Scalar(connection, "SELECT COUNT(*) FROM chunks"), Scalar(connection, "SELECT COUNT(*) FROM chunk_terms"));
            Assert.Equal(0L, Scalar(connection, "SELECT COUNT(*) FROM chunks WHERE doc_id NOT IN (SELECT id FROM documents)"));
        }

        private static object? Scalar(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
    }
}

using IndustryCopilot.Cli.Tests.Fixtures;

namespace IndustryCopilot.Cli.Tests;

public sealed class CliEndToEndTests
{
    private static readonly string Corpus = Path.Combine(IcpProcess.RepositoryRoot, "corpus");

    [Fact]
    public void Index_Corpus_DocsShowSearchRemoveWork()
    {
        using var dir = new TempDirectory();
        string[] data = ["--data-dir", dir.Path];

        var index = IcpProcess.Run(["index", Corpus, .. data]);
        var docs = IcpProcess.Run(["docs", .. data]);
        var ambiguous = IcpProcess.Run(["show", "SOP-PR-017", .. data]);
        var show = IcpProcess.Run(["show", "Q/HD", "--chunks", .. data]);
        var search = IcpProcess.Run(["search", "E-203 怎么处理", "-k", "3", .. data]);
        var withOld = IcpProcess.Run(["search", "E-203 停机冷却", "-k", "5", "--include-superseded", .. data]);

        Assert.True(index.ExitCode == 0, index.Output + index.Error);
        Assert.Contains("chunked documents: 6", index.Output);
        Assert.Contains("6 documents", docs.Output);
        Assert.Contains("superseded by", docs.Output);
        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("matches 2 documents", ambiguous.Error);
        Assert.Contains("4 要求 > 4.2", show.Output);
        Assert.Contains("Q/HD 006-2024", show.Output);
        var firstHit = search.Output.Split('\n').First(l => l.StartsWith("[1]", StringComparison.Ordinal));
        Assert.Contains("SOP-PR-017", firstHit);
        Assert.DoesNotContain("停机冷却20 min", search.Output);
        Assert.Contains("停机冷却20 min", withOld.Output);

        var id = docs.Output.Split('\n').First(l => l.Contains("Q/HD 006-2024", StringComparison.Ordinal)).Split('│', StringSplitOptions.TrimEntries)[1];
        var remove = IcpProcess.Run(["remove", id, .. data]);
        Assert.Equal(0, remove.ExitCode);
        Assert.Contains("5 documents", IcpProcess.Run(["docs", .. data]).Output);
    }

    [Fact]
    public void Index_FolderWithBrokenFile_ExitsOneAndIndexesTheRest()
    {
        using var dir = new TempDirectory();
        var docs = Directory.CreateDirectory(dir.Sub("docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "ok.md"), "# Pump SOP\n\n1 Scope\n\nThis SOP covers pump P-101.\n");
        File.WriteAllBytes(Path.Combine(docs, "broken.pdf"), [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0xff]);

        var result = IcpProcess.Run(["index", docs, "--data-dir", dir.Sub("data")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.pdf", result.Output);
        Assert.Contains("error", result.Output);
        Assert.Contains("Pump SOP", IcpProcess.Run(["docs", "--data-dir", dir.Sub("data")]).Output);
    }

    [Fact]
    public void Docs_WrongSettingsInThreeSections_ExitsTwoListingEveryOne()
    {
        using var dir = new TempDirectory();
        var env = new Dictionary<string, string> { ["ICP_Retrieval__RrfK"] = "0", ["ICP_Ocr__Dpi"] = "10", ["ICP_Ingestion__ReadTimeoutSeconds"] = "0" };

        var result = IcpProcess.Run(["docs", "--data-dir", dir.Path], env);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the configuration has 3 problem(s)", result.Error, StringComparison.Ordinal);
        Assert.Contains("Retrieval: CandidatesPerLane and RrfK", result.Error, StringComparison.Ordinal);
        Assert.Contains("Ocr: Dpi", result.Error, StringComparison.Ordinal);
        Assert.Contains("Ingestion:ReadTimeoutSeconds", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataDirectory_FlagThenEnvironmentThenDefault()
    {
        using var dir = new TempDirectory();
        var work = Directory.CreateDirectory(dir.Sub("work")).FullName;
        var env = new Dictionary<string, string> { ["ICP_DATA_DIR"] = dir.Sub("from-env") };
        var file = Path.Combine(Corpus, "MP-ME-004_spindle-warm-up.md");

        IcpProcess.Run(["index", file], env, work);
        IcpProcess.Run(["index", file, "--data-dir", dir.Sub("from-flag")], env, work);
        IcpProcess.Run(["index", file], workingDirectory: work);

        Assert.True(File.Exists(Path.Combine(dir.Sub("from-env"), "index.db")));
        Assert.True(File.Exists(Path.Combine(dir.Sub("from-flag"), "index.db")));
        Assert.True(File.Exists(Path.Combine(work, "data", "index.db")));
    }

    [Fact]
    public void Index_MissingPath_ExitsTwoWithClearError()
    {
        using var dir = new TempDirectory();

        var result = IcpProcess.Run(["index", dir.Sub("nope"), "--data-dir", dir.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file or folder", result.Error);
    }
}

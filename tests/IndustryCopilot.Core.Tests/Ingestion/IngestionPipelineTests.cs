using System.Text;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Reading;
using IndustryCopilot.Core.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Core.Tests.Ingestion;

public sealed class IngestionPipelineTests
{
    [Fact]
    public async Task Run_HostileFilesBesideGoodOne_EachFailsAloneAndGoodOneIsIndexed()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var dir = new TempDirectory();
        var good = HostileFiles.Pdf("1 Scope", "Alarm E-203 means spindle overheating.");
        dir.File("good.pdf", good);
        dir.File("truncated.pdf", good[..(good.Length / 3)]);
        dir.File("encrypted.pdf", HostileFiles.EncryptedPdf());
        dir.File("empty.pdf", []);
        dir.File("random.pdf", HostileFiles.RandomBytes(5000, 1));
        dir.File("random.docx", HostileFiles.RandomBytes(5000, 2));
        dir.File("bomb.docx", HostileFiles.ZipBomb(40L * 1024 * 1024));
        dir.File("invalid.txt", [.. "pump "u8, 0xC3, 0x28, 0xFF, 0x80]);
        dir.File("gbk.txt", Encoding.GetEncoding("GBK").GetBytes("第一条 空压机每500小时更换滤芯。"));
        using var test = new TestPipeline();

        var report = await test.RunAsync(dir.Path);

        var failed = report.Files.Where(f => f.Kind == FileOutcomeKind.Failed).Select(f => Path.GetFileName(f.Path)).Order().ToList();
        Assert.Equal(["bomb.docx", "empty.pdf", "encrypted.pdf", "invalid.txt", "random.docx", "random.pdf", "truncated.pdf"], failed);
        Assert.All(report.Files.Where(f => f.Kind == FileOutcomeKind.Failed), f => Assert.False(string.IsNullOrWhiteSpace(f.Error)));
        Assert.Equal(["gbk.txt", "good.pdf"], test.Index.ListDocuments().Select(d => Path.GetFileName(d.SourcePath)).Order());
        Assert.Contains("更换滤芯", test.Index.GetChunks(test.Index.ListDocuments().Single(d => d.Format == "text").Id).Single().Text);
        Assert.Single(test.Index.SearchLexical("E203", 5));
    }

    [Fact]
    public async Task Run_Twice_SecondRunChunksNothingAndTouchingOneFileReindexesOnlyIt()
    {
        using var dir = new TempDirectory();
        var a = dir.File("a.md", "# SOP A\n\n第一条 开机前检查油位。\n");
        dir.File("b.md", "# SOP B\n\n第一条 停机后清理铁屑。\n");
        using var test = new TestPipeline();

        var first = await test.RunAsync(dir.Path);
        var second = await test.RunAsync(dir.Path);
        File.WriteAllText(a, "# SOP A\n\n第一条 开机前检查油位和气压。\n");
        var third = await test.RunAsync(dir.Path);

        Assert.Equal(2, first.DocumentsChunked);
        Assert.Equal(0, second.DocumentsChunked);
        Assert.Equal(2, second.Unchanged);
        Assert.Equal(1, third.DocumentsChunked);
        Assert.Equal(a, third.Files.Single(f => f.Kind == FileOutcomeKind.Indexed).Path);
        Assert.Contains("气压", test.Index.GetChunks(InDocId(a)).Single().Text);
    }

    [Fact]
    public async Task Run_IndexedFileLaterCorrupted_FailsAndKeepsPreviousVersion()
    {
        using var dir = new TempDirectory();
        var path = dir.File("manual.pdf", HostileFiles.Pdf("1 Scope", "Replace filter 2205-4417 every 4,000 h."));
        using var test = new TestPipeline();
        await test.RunAsync(dir.Path);
        var before = test.Index.GetChunks(IngestionPipeline.DocumentId(path));

        File.WriteAllBytes(path, HostileFiles.RandomBytes(3000, 9));
        var report = await test.RunAsync(dir.Path);

        Assert.Equal(1, report.Failed);
        Assert.Equal(0, report.DocumentsChunked);
        Assert.Equal(before.Select(c => c.Hash), test.Index.GetChunks(IngestionPipeline.DocumentId(path)).Select(c => c.Hash));
        Assert.Single(test.Index.SearchLexical("2205-4417", 5));
    }

    [Fact]
    public async Task Run_ReaderHangsOrThrows_ThatFileFailsAloneAndRunContinues()
    {
        using var dir = new TempDirectory();
        dir.File("a.hang", "x");
        dir.File("b.boom", "x");
        dir.File("c.md", "# Kept\n\ntext\n");
        var options = new IngestionOptions { ReadTimeoutSeconds = 1 };
        var time = new FakeTimeProvider();
        using var stuck = new StubReader(".hang", hang: true);
        var readers = new ReaderRegistry([stuck, new StubReader(".boom", hang: false), new MarkdownReader(options)]);
        using var test = new TestPipeline(options, readers, time);

        var run = Task.Run(() => test.RunAsync(dir.Path));
        await Until.Guarded(stuck.Entered.Task, "the stuck reader starting");
        time.Advance(TimeSpan.FromSeconds(1));
        var report = await Until.Guarded(run, "the run after the read timeout");

        var errors = report.Files.Where(f => f.Kind == FileOutcomeKind.Failed).ToDictionary(f => Path.GetFileName(f.Path), f => f.Error!);
        Assert.Contains("Ingestion:ReadTimeoutSeconds", errors["a.hang"]);
        Assert.Contains("reader failed (InvalidOperationException)", errors["b.boom"]);
        Assert.Equal(["Kept"], test.Index.ListDocuments().Select(d => d.Title));
    }

    [Fact]
    public async Task Run_SidecarDeclaresAliases_StoredAndTheQuestionNamingOneSearchesThatDocument()
    {
        using var dir = new TempDirectory();
        dir.File("epl.md", "# 中华人民共和国环境保护法\n\n第十条 国务院环境保护主管部门，对全国环境保护工作实施统一监督管理。\n");
        dir.File("epl.md.meta.json", "{ \"aliases\": [\"环保法\", \" \", \"环保法\"] }");
        dir.File("other.md", "# 设备管理规定\n\n第十条 设备管理部门负责全厂设备的统一监督管理。\n");
        using var test = new TestPipeline();

        await test.RunAsync(dir.Path);
        var document = test.Index.ListDocuments().Single(d => d.Title.Contains("环境保护法", StringComparison.Ordinal));
        var named = new IndustryCopilot.Core.Retrieval.Query.DocumentCatalog(test.Index.ListDocuments()).Find(IndustryCopilot.Core.Index.Lexical.LexicalAnalyzer.Normalize("环保法第十条"), null);

        Assert.Equal(["环保法"], document.Aliases);
        Assert.Equal(document.Id, Assert.Single(named).DocumentId);
    }

    [Fact]
    public async Task Run_FolderWithUnsupportedTypes_CountsThemAndSkipsSidecarsAndHiddenFiles()
    {
        using var dir = new TempDirectory();
        dir.File("drawing.dwg", "x");
        dir.File("old.doc", "x");
        dir.File("older.doc", "x");
        dir.File(".hidden.md", "# h\n");
        dir.File("manual.md", "# M\n\ntext\n");
        dir.File("manual.md.meta.json", "{}");
        using var test = new TestPipeline();

        var report = await test.RunAsync(dir.Path);

        Assert.Equal(new Dictionary<string, int> { [".doc"] = 2, [".dwg"] = 1 }, report.Unsupported);
        Assert.Equal(["manual.md"], report.Files.Select(f => Path.GetFileName(f.Path)));
    }

    [Fact]
    public async Task Run_MalformedSidecar_FailsThatFileWithTheReason()
    {
        using var dir = new TempDirectory();
        dir.File("manual.md", "# M\n\ntext\n");
        dir.File("manual.md.meta.json", "{ \"accessGroups\": [\"quality\" ");
        using var test = new TestPipeline();

        var outcome = (await test.RunAsync(dir.Path)).Files.Single();

        Assert.Equal(FileOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("invalid sidecar manual.md.meta.json", outcome.Error);
    }

    [Fact]
    public async Task Run_Prune_RemovesDocumentsWhoseFilesAreGone()
    {
        using var dir = new TempDirectory();
        var gone = dir.File("gone.md", "# Gone\n\ntext\n");
        dir.File("kept.md", "# Kept\n\ntext\n");
        using var test = new TestPipeline();
        await test.RunAsync(dir.Path);
        File.Delete(gone);

        var report = await test.Pipeline.RunAsync(new IngestionRequest { Paths = [dir.Path], Prune = true }, null, CancellationToken.None);

        Assert.Equal([gone], report.Pruned);
        Assert.Equal(["Kept"], test.Index.ListDocuments().Select(d => d.Title));
    }

    [Fact]
    public async Task Run_NewerRevisionSameNumber_OlderBecomesSuperseded()
    {
        using var dir = new TempDirectory();
        var old = dir.File("sop-old.md", "# SOP-PR-017 换刀作业\n\n版本: B 2022-03-01\n\n第一条 旧要求。\n");
        var newer = dir.File("sop-new.md", "# SOP-PR-017 换刀作业\n\n版本: C 2024-05-01\n\n第一条 新要求。\n");
        using var test = new TestPipeline();

        await test.RunAsync(dir.Path);

        var docs = test.Index.ListDocuments().ToDictionary(d => d.SourcePath);
        Assert.Equal("SOP-PR-017", docs[old].DocumentNumber);
        Assert.Equal(DocumentStatus.Superseded, docs[old].Status);
        Assert.Equal(docs[newer].Id, docs[old].SupersededBy);
        Assert.Equal(DocumentStatus.Current, docs[newer].Status);
        Assert.DoesNotContain(test.Index.SearchLexical("要求", 10), h => h.DocumentId == docs[old].Id);
        Assert.Contains(test.Index.SearchLexical("要求", 10, includeSuperseded: true), h => h.DocumentId == docs[old].Id);

        test.Index.RemoveDocument(docs[newer].Id);
        Assert.Equal(DocumentStatus.Current, test.Index.GetDocument(docs[old].Id)!.Status);
    }

    [Theory]
    [InlineData("2030-01-01")] // a "newer" revision from another department must not retire the quality document
    [InlineData("1990-01-01")] // an "older" one must not be retired by it either, or its status would reveal the other's existence
    public async Task Run_SameNumberOtherAccessGroups_SeparateRevisionLines(string productionDate)
    {
        using var dir = new TempDirectory();
        var quality = dir.File("qc.md", "# QC-017 Weld inspection\n\nRevision: C 2025-03-01\n\n1 Porosity up to 2 pores per 100 mm.\n");
        dir.File("qc.md.meta.json", """{"accessGroups":["quality"],"documentNumber":"QC-017"}""");
        var production = dir.File("prod.md", "# QC-017 Weld inspection\n\nRevision: Z\n\n1 Anything goes.\n");
        dir.File("prod.md.meta.json", $$"""{"accessGroups":["production"],"documentNumber":"QC-017","effectiveDate":"{{productionDate}}"}""");
        using var test = new TestPipeline();

        await test.RunAsync(dir.Path);

        var docs = test.Index.ListDocuments().ToDictionary(d => d.SourcePath);
        Assert.Equal("QC-017", docs[quality].DocumentNumber);
        Assert.Equal("QC-017", docs[production].DocumentNumber);
        Assert.All(docs.Values, d => Assert.Equal((DocumentStatus.Current, (string?)null), (d.Status, d.SupersededBy)));

        // The same groups in another order are the same line: a later revision supersedes as before.
        dir.File("qc-d.md", "# QC-017 Weld inspection\n\nRevision: D 2026-03-01\n\n1 Porosity up to 1 pore per 100 mm.\n");
        dir.File("qc-d.md.meta.json", """{"accessGroups":["quality","quality"],"documentNumber":"QC-017"}""");
        await test.RunAsync(dir.Path);
        docs = test.Index.ListDocuments().ToDictionary(d => d.SourcePath);
        Assert.Equal(DocumentStatus.Superseded, docs[quality].Status);
        Assert.Equal(docs[Path.Combine(dir.Path, "qc-d.md")].Id, docs[quality].SupersededBy);
        Assert.Equal(DocumentStatus.Current, docs[production].Status);
    }

    [Fact]
    public async Task Run_SidecarMetadata_AppliedAndChangesTriggerReindex()
    {
        using var dir = new TempDirectory();
        var path = dir.File("manual.md", "# Compressor manual\n\nText.\n");
        dir.File("manual.md.meta.json", """{"docType":"manual","equipment":"AC-2","accessGroups":["maintenance"]}""");
        using var test = new TestPipeline();

        await test.RunAsync(dir.Path);
        var document = test.Index.ListDocuments().Single();
        dir.File("manual.md.meta.json", """{"accessGroups":["quality"]}""");
        var rerun = await test.RunAsync(dir.Path);

        Assert.Equal(("manual", "AC-2"), (document.DocType, document.Equipment));
        Assert.Equal(["maintenance"], document.AccessGroups);
        Assert.Equal(1, rerun.Indexed);
        Assert.Equal(["quality"], test.Index.ListDocuments().Single().AccessGroups);
    }

    [SkippableFact]
    public async Task Run_AllSharedDocuments_IngestedWithoutFailure()
    {
        using var test = new TestPipeline();

        var report = await test.RunAsync(EvalData.Path("pdf-docs-en"), EvalData.Path("zh-safety-regulations"));

        Assert.Equal(0, report.Failed);
        Assert.Equal(165, report.Files.Where(f => f.Path.EndsWith(".pdf", StringComparison.Ordinal)).Sum(f => f.Pages));
        Assert.Equal([1], report.NeedingOcr.Single().PagesNeedingOcr!);
        var law = test.Index.Resolve("中华人民共和国安全生产法").Single();
        Assert.Equal("《中华人民共和国安全生产法》", law.DocumentNumber);
        Assert.Equal(new DateOnly(2021, 6, 10), law.EffectiveDate);
        Assert.Equal(DocumentLanguage.Zh, law.Language);
        Assert.Equal(DocumentLanguage.En, test.Index.ListDocuments().Single(d => d.SourcePath.EndsWith("osha3120.pdf", StringComparison.Ordinal)).Language);
    }

    private static string InDocId(string path) => IngestionPipeline.DocumentId(path);

    private sealed class StubReader(string extension, bool hang) : IDocumentReader, IDisposable
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Set when a hanging read has started (its timeout is running from then on).</summary>
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Format => "stub";

        public IReadOnlyCollection<string> Extensions { get; } = [extension];

        public ReadResult Read(string path, CancellationToken cancellationToken)
        {
            if (!hang)
            {
                throw new InvalidOperationException("parser bug");
            }

            // Like a parser stuck inside one page: it never looks at the token; the test lets it go when done.
            Entered.TrySetResult();
            _release.Task.Wait(CancellationToken.None);
            return ReadResult.Fail("should have been abandoned");
        }

        public void Dispose()
        {
            _release.TrySetResult();
        }
    }
}

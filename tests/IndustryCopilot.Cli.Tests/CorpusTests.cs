using IndustryCopilot.Cli.Tests.Fixtures;
using IndustryCopilot.Core.Ingestion;

namespace IndustryCopilot.Cli.Tests;

/// <summary>The generated files in corpus/ are exactly what <see cref="CorpusGenerator"/> writes from our own text.</summary>
public sealed class CorpusTests
{
    [Fact]
    public void CorpusGenerator_FreshOutput_ReadsLikeCommittedFiles()
    {
        var corpus = Path.Combine(IcpProcess.RepositoryRoot, "corpus");
        if (Environment.GetEnvironmentVariable("ICP_REGENERATE_CORPUS") == "1")
        {
            CorpusGenerator.WriteAll(corpus);
        }

        using var fresh = new TempDirectory();
        CorpusGenerator.WriteAll(fresh.Path);
        var readers = ReaderRegistry.Default(new IngestionOptions());

        foreach (var file in new[] { CorpusGenerator.SopFile, CorpusGenerator.ManualFile, CorpusGenerator.TorqueFile })
        {
            var committed = readers.For(file)!.Read(Path.Combine(corpus, file), CancellationToken.None);
            var regenerated = readers.For(file)!.Read(Path.Combine(fresh.Path, file), CancellationToken.None);

            Assert.True(committed.Succeeded, $"{file}: {committed.Error}");
            Assert.Equal(regenerated.Document!.PlainText, committed.Document!.PlainText);
        }
    }
}

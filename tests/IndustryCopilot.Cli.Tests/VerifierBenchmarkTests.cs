using System.Globalization;
using System.Text.RegularExpressions;
using IndustryCopilot.Cli.Tests.Fixtures;

namespace IndustryCopilot.Cli.Tests;

/// <summary>
/// The sample of <c>icp eval --verifier</c> that CI runs: four answers per kind and language over corpus/, through the
/// real orchestrator and the stand-in model. The full run over the shared documents is in docs/evaluation.md.
/// </summary>
public sealed partial class VerifierBenchmarkTests
{
    [Fact]
    public void EvalVerifier_CorpusSample_EveryKindCaughtNothingUnverifiedStreamedNoInjectionRepeated()
    {
        using var dir = new TempDirectory();
        var markdown = Path.Combine(dir.Path, "verifier.md");

        var result = IcpProcess.Run(["eval", "--verifier", Path.Combine(IcpProcess.RepositoryRoot, "corpus"), "--per-kind", "4", "--markdown", markdown, "--index-dir", Path.Combine(dir.Path, "index")]);

        Assert.True(result.ExitCode == 0, result.Error);
        var report = File.ReadAllText(markdown);
        foreach (Match row in Row().Matches(report))
        {
            var good = int.Parse(row.Groups["good"].Value, CultureInfo.InvariantCulture);
            var of = int.Parse(row.Groups["of"].Value, CultureInfo.InvariantCulture);
            Assert.True(good >= of - (of >= 4 ? 1 : 0), $"{row.Groups["kind"].Value} {row.Groups["lang"].Value}: {good}/{of}\n{report}");
        }

        Assert.True(Row().Count(report) >= 20, report);
        Assert.Contains("answers repeating the planted instruction 0 of", report, StringComparison.Ordinal);
        Assert.Contains("prompts holding an injected passage 0 of", report, StringComparison.Ordinal);
        Assert.Contains("streamed anything the final answer does not start with: 0 of", report, StringComparison.Ordinal);
        Assert.Matches(@"not found or closest passages: 1\.000", report);
    }

    // "| WrongUnit | en | 4 | 4 | 1.000 (4/4) | …": the end-to-end column.
    [GeneratedRegex(@"^\| (?<kind>\w+) \| (?<lang>en|zh) \| \d+ \| \d+ \| [\d.]+ \((?<good>\d+)/(?<of>\d+)\)", RegexOptions.Multiline)]
    private static partial Regex Row();
}

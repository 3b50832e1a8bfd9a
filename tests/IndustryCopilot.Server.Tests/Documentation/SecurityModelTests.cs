using System.Text.RegularExpressions;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Documentation;

/// <summary>docs/security.md names, for each promise, the tests that hold it: every one it names must exist, so the threat model cannot drift from the suite.</summary>
public sealed partial class SecurityModelTests
{
    [Fact]
    public void SecurityDoc_EveryNamedTest_Exists()
    {
        var doc = File.ReadAllText(Path.Combine(CorpusServer.RepositoryRoot, "docs", "security.md"));
        // Read from the sources, since the suites live in several test projects (and contract suites in *Contract.cs).
        var files = Directory.EnumerateFiles(Path.Combine(CorpusServer.RepositoryRoot, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var tests = files.SelectMany(f => TestMethod().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        var classes = files.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);

        var named = TestName().Matches(doc).Select(m => m.Value).Distinct().ToList();
        var classNames = ClassName().Matches(doc).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.True(named.Count >= 20, $"only {named.Count} test names found in docs/security.md");
        Assert.All(named, name => Assert.True(
            name.EndsWith('…') ? tests.Any(t => t.StartsWith(name.TrimEnd('…'), StringComparison.Ordinal)) : tests.Contains(name),
            $"docs/security.md names a test that does not exist: {name}"));
        Assert.All(classNames, name => Assert.Contains(name, classes));
    }

    // Test names read Method_Scenario_Expected; a trailing "…" names a prefix.
    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*_[A-Za-z0-9]+_?[A-Za-z0-9_]*…?")]
    private static partial Regex TestName();

    [GeneratedRegex(@"\[(?:Skippable)?(?:Fact|Theory)[^\]]*\]\s*(?:(?:\[[^\n]*\]|//[^\n]*)\s*)*public (?:async Task|void) ([A-Za-z0-9_]+)\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"/([A-Z][A-Za-z0-9]*Tests)\b")]
    private static partial Regex ClassName();
}

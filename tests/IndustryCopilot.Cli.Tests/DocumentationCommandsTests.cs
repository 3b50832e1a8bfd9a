using System.Text.RegularExpressions;
using IndustryCopilot.Cli.Tests.Fixtures;

namespace IndustryCopilot.Cli.Tests;

/// <summary>Every <c>icp</c> command the README and docs/ show exists, with every option they give it.</summary>
public sealed partial class DocumentationCommandsTests
{
    private static readonly HashSet<string> Branches = ["keys", "bench"];

    [Fact]
    public void Docs_EveryIcpCommandShown_ExistsWithTheOptionsShown()
    {
        var files = Directory.GetFiles(Path.Combine(IcpProcess.RepositoryRoot, "docs"), "*.md").Append(Path.Combine(IcpProcess.RepositoryRoot, "README.md")).Append(Path.Combine(IcpProcess.RepositoryRoot, "docker", "README.md"));
        var shown = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (Match m in Command().Matches(File.ReadAllText(file)))
            {
                var words = m.Groups["rest"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var path = Branches.Contains(m.Groups["verb"].Value) && words.Length > 0 && Verb().IsMatch(words[0])
                    ? $"{m.Groups["verb"].Value} {words[0]}"
                    : m.Groups["verb"].Value;
                var options = shown.TryGetValue(path, out var set) ? set : shown[path] = [];
                options.UnionWith(words.Where(w => w.StartsWith("--", StringComparison.Ordinal)).Select(w => w.Split('=')[0]));
            }
        }

        Assert.Contains("backup", shown.Keys);
        Assert.Contains("keys add", shown.Keys);
        var problems = new List<string>();
        foreach (var (path, options) in shown)
        {
            var help = IcpProcess.Run([.. path.Split(' '), "--help"]);
            if (help.ExitCode != 0 || !help.Output.Contains("USAGE", StringComparison.Ordinal))
            {
                problems.Add($"icp {path}: no such command ({help.Error.Trim()})");
                continue;
            }

            problems.AddRange(options.Where(o => o != "--help" && !help.Output.Contains(o, StringComparison.Ordinal)).Select(o => $"icp {path}: no option {o}"));
        }

        Assert.Empty(problems);
    }

    // "icp" as a program (./icp, .../cli/icp, icp.dll), a verb, then the rest of that command up to a comment, pipe,
    // chain, closing backtick or end of line.
    [GeneratedRegex(@"(?<![\w-])(?:\./|/)?icp(?:\.dll)? (?<verb>index|docs|show|remove|search|ask|migrate|eval|keys|bench|backup|restore)\b(?<rest>[^#`|;&)\n]*)")]
    private static partial Regex Command();

    [GeneratedRegex("^[a-z]+$")]
    private static partial Regex Verb();
}

using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;

namespace IndustryCopilot.Cli.Commands;

/// <summary>Resolves a &lt;doc&gt; argument (id, source path, or unique part of a title) to exactly one document.</summary>
internal static class DocumentSelector
{
    public static DocumentInfo Single(SqliteIndex index, string selector)
    {
        var matches = index.Resolve(selector);
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InvalidOperationException($"no indexed document matches '{selector}' (use an id, a source path or part of a title; see 'icp docs')"),
            _ => throw new InvalidOperationException($"'{selector}' matches {matches.Count} documents: {string.Join("; ", matches.Take(5).Select(d => $"{d.Id} {d.Title}"))} — use an id"),
        };
    }
}

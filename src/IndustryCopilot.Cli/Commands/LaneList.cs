using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Cli.Commands;

/// <summary>Parses <c>--lanes</c>: <c>all</c> or a comma list of lane names.</summary>
internal static class LaneList
{
    public static SearchLanes Parse(string value)
    {
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return SearchLanes.All;
        }

        var lanes = SearchLanes.None;
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            lanes |= name.ToLowerInvariant() switch
            {
                "lexical" => SearchLanes.Lexical,
                "dense" => SearchLanes.Dense,
                "identifier" => SearchLanes.Identifier,
                "chinesebm25" => SearchLanes.Ranking,
                _ => throw new InvalidOperationException($"unknown lane '{name}' (use lexical, dense, identifier, chinesebm25 or all)"),
            };
        }

        return lanes;
    }
}

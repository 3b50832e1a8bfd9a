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
            lanes |= Enum.TryParse<SearchLane>(name, ignoreCase: true, out var lane)
                ? (SearchLanes)(1 << (int)lane)
                : throw new InvalidOperationException($"unknown lane '{name}' (use lexical, dense, identifier or all)");
        }

        return lanes;
    }
}

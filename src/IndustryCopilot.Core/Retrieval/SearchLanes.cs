namespace IndustryCopilot.Core.Retrieval;

/// <summary>Which lanes a search runs; the evaluation compares subsets.</summary>
[Flags]
public enum SearchLanes
{
    None = 0,
    Lexical = 1,
    Dense = 2,
    Identifier = 4,

    /// <summary>Rankings beside the search index (<see cref="Lanes.IRankingLane"/>), e.g. <see cref="SearchLane.ChineseBm25"/>.</summary>
    Ranking = 8,
    Hybrid = Lexical | Dense,
    All = Lexical | Dense | Identifier | Ranking,
}

namespace IndustryCopilot.Server.Search;

/// <summary>POST /api/search body: the query, how many hits (1–50, default 10), optional document filters.</summary>
internal sealed record SearchBody(string Query, int? K = null, string[]? Filters = null);

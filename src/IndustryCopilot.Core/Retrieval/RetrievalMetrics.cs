using System.Diagnostics.Metrics;

namespace IndustryCopilot.Core.Retrieval;

/// <summary>
/// Retrieval latency per stage and lane (meter <c>IndustryCopilot.Retrieval</c>, histogram <c>icp.retrieval.duration</c>
/// in milliseconds, tag <c>stage</c>: analyze, embed, index (the search index's whole call, any provider), lexical,
/// dense and codes (the embedded index's lanes inside it), identifier (clause and named-document lanes), rerank,
/// fuse). Free when nothing listens.
/// </summary>
public static class RetrievalMetrics
{
    public const string MeterName = "IndustryCopilot.Retrieval";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("icp.retrieval.duration", "ms", "Retrieval time per stage and lane");

    internal static void Record(string stage, double milliseconds) => Duration.Record(milliseconds, new KeyValuePair<string, object?>("stage", stage));
}

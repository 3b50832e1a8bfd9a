using System.Diagnostics.Metrics;

namespace IndustryCopilot.Hosting.Answering;

/// <summary>
/// Generation throughput (meter <c>IndustryCopilot.Answering</c>): <c>icp.generation.tokens</c> (counter, text pieces
/// the model streamed — one per token with LLamaSharp) and <c>icp.generation.speed</c> (histogram, tokens per second
/// per answer, timed from the first token so queueing and prompt processing do not dilute it).
/// </summary>
public static class AnsweringMetrics
{
    public const string MeterName = "IndustryCopilot.Answering";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Tokens = Meter.CreateCounter<long>("icp.generation.tokens", "{token}", "Tokens streamed by the model");

    private static readonly Histogram<double> Speed = Meter.CreateHistogram<double>("icp.generation.speed", "{token}/s", "Tokens per second per generated answer");

    internal static void Generated(int tokens, TimeSpan sinceFirstToken)
    {
        Tokens.Add(tokens);
        if (tokens > 1 && sinceFirstToken > TimeSpan.Zero)
        {
            Speed.Record((tokens - 1) / sinceFirstToken.TotalSeconds);
        }
    }
}

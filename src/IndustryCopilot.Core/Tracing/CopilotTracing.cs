using System.Diagnostics;

namespace IndustryCopilot.Core.Tracing;

/// <summary>
/// The one <see cref="ActivitySource"/> every stage of the copilot reports on: an <c>ask</c> or <c>search</c> span per
/// request with a child span per stage (queue, condense, translate, retrieve, prompt, generate, verify; analyze, embed,
/// index, lanes, fuse). OpenTelemetry subscribes with <c>AddSource(CopilotTracing.SourceName)</c>; with no listener a
/// stage costs a clock read.
/// </summary>
public static class CopilotTracing
{
    public const string SourceName = "IndustryCopilot";

    public static ActivitySource Source { get; } = new(SourceName);
}

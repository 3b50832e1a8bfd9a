using System.Collections.Concurrent;
using System.Diagnostics;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Tracing;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Tests.Fixtures;

namespace IndustryCopilot.Hosting.Tests.Tracing;

/// <summary>
/// Every stage of an answer is a span on <see cref="CopilotTracing.Source"/>, nested as the work is (ask → search →
/// its stages), lasting what the answer's own timings say — what an OpenTelemetry collector at the plant receives.
/// </summary>
public sealed class StageSpanTests : IDisposable
{
    private const string TestSourceName = "IndustryCopilot.Tests.StageSpans";
    private static readonly ActivitySource TestSource = new(TestSourceName);
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly ActivityListener _listener;

    public StageSpanTests()
    {
        _listener = new ActivityListener
        {
            // By name: comparing with TestSource here could create it while the listener is being added, unheard.
            ShouldListenTo = s => s.Name is CopilotTracing.SourceName or TestSourceName,
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _spans.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task AskAsync_GeneratedAnswer_SpanPerStageNestedUnderAskAndMatchingTimings()
    {
        using var plant = new Plant();
        using var orchestrator = plant.Orchestrator(new ScriptedChatClient(_ => "Change the compressor oil every 2000 operating hours [1]."));
        Answer answer;
        ActivityTraceId trace;
        using (var root = TestSource.StartActivity("test"))
        {
            trace = root!.TraceId;
            answer = Assert.IsType<AnswerCompleted>(await orchestrator.AskAsync(new AskRequest("How often should the compressor oil be changed?"))).Answer;
        }

        // Other tests run beside this one: only this trace's spans count.
        var spans = _spans.Where(s => s.TraceId == trace).ToList();
        var ask = Assert.Single(spans, s => s.OperationName == "ask");
        var search = Assert.Single(spans, s => s.OperationName == "search");
        var askStages = spans.Where(s => s.ParentSpanId == ask.SpanId && s != search).ToDictionary(s => s.OperationName);
        var searchStages = spans.Where(s => s.ParentSpanId == search.SpanId).Select(s => s.OperationName).ToHashSet();

        Assert.Equal(ask.SpanId, search.ParentSpanId);
        Assert.Equal(["generate", "prompt", "queue", "retrieve", "verify"], askStages.Keys.Order(StringComparer.Ordinal));
        Assert.Subset(searchStages, new HashSet<string> { "analyze", "index", "fuse" });
        foreach (var (stage, span) in askStages)
        {
            Assert.Equal(answer.TimingsMs[stage], span.Duration.TotalMilliseconds, 3);
            Assert.True(span.StartTimeUtc >= ask.StartTimeUtc && span.StartTimeUtc + span.Duration <= ask.StartTimeUtc + ask.Duration + TimeSpan.FromMilliseconds(1), $"{stage} lies inside the ask");
        }

        // The stages follow one another: each begins where the one before ended.
        var ordered = askStages.Values.OrderBy(s => s.StartTimeUtc).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            Assert.Equal(ordered[i - 1].StartTimeUtc + ordered[i - 1].Duration, ordered[i].StartTimeUtc, TimeSpan.FromMilliseconds(0.01));
        }
    }

    public void Dispose() => _listener.Dispose();
}

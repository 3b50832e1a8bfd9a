using System.Diagnostics.Metrics;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Server.Documents;
using IndustryCopilot.Server.Indexing;

namespace IndustryCopilot.Server.Telemetry;

/// <summary>
/// The server's own instruments (meter <c>IndustryCopilot.Server</c>): answers by channel and mode with their latency,
/// the model queue, and indexing progress (start-up run and uploads). Request rate and latency come from ASP.NET Core's
/// own meters; retrieval per lane and generation speed from Core's and Hosting's.
/// </summary>
internal sealed class ServerMetrics : IDisposable
{
    public const string MeterName = "IndustryCopilot.Server";

    private readonly Meter _meter = new(MeterName);
    private readonly Histogram<double> _answerDuration;

    public ServerMetrics(IndexingStatus indexing, IUploadQueue uploads, IServiceProvider services)
    {
        _answerDuration = _meter.CreateHistogram<double>("icp.answer.duration", "ms", "Time to a complete answer, by channel and mode");
        // The first scrape creates the orchestrator (loading the model) if no request has yet, as the readiness probe does.
        _meter.CreateObservableGauge("icp.generation.queue", () => services.GetService<Hosting.Answering.AnswerOrchestrator>()?.Scheduler.Waiting ?? 0, "{request}", "Requests waiting for the model");
        _meter.CreateObservableGauge("icp.generation.running", () => services.GetService<Hosting.Answering.AnswerOrchestrator>()?.Scheduler.Running ?? 0, "{request}", "Requests the model is answering");
        _meter.CreateObservableGauge("icp.ingestion.files_done", () => indexing.FilesDone, "{file}", "Files processed by the current or last start-up indexing run");
        _meter.CreateObservableGauge("icp.ingestion.files_total", () => indexing.FilesTotal, "{file}", "Files in the current or last start-up indexing run");
        _meter.CreateObservableGauge("icp.ingestion.running", () => indexing.Running ? 1 : 0, "{run}", "1 while the start-up indexing run is going");
        _meter.CreateObservableGauge("icp.uploads.pending", () => uploads.Pending, "{job}", "Uploaded files waiting to be indexed or being indexed");
    }

    public void Answered(string channel, AnswerMode mode, double milliseconds) =>
        _answerDuration.Record(milliseconds, new("channel", channel), new("mode", mode.ToString().ToLowerInvariant()));

    public void Dispose() => _meter.Dispose();
}

using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Server.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Health;

/// <summary>
/// <c>/health/live</c>: the process answers. <c>/health/ready</c>: 200 once the start-up indexing has finished (503
/// before), with document and chunk counts, indexing progress, who answers (model name, or quote mode) and where
/// searches run (503 too while a Qdrant search index is unreachable or behind the catalog after a failure).
/// </summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" })).WithTags("Health");
        app.MapGet("/health/ready", Ready).WithTags("Health");
        return app;
    }

    internal static Results<Ok<ReadyReport>, JsonHttpResult<ReadyReport>> Ready(IndexingStatus indexing, SearchIndexSyncStatus search, AnswerOrchestrator orchestrator, CopilotEnvironment environment)
    {
        var (documents, chunks) = orchestrator.ReadIndex(i => (i.ListDocuments().Count, i.ChunkCount()));
        var (last, at, error) = search.Snapshot();
        var ready = indexing.Completed && search.UpToDate;
        var report = new ReadyReport(
            !indexing.Completed ? "indexing" : ready ? "ready" : "search index unavailable",
            new IndexReport(documents, chunks, environment.Index.DataDirectory),
            new IndexingReport(indexing.Running, indexing.FilesDone, indexing.FilesTotal, indexing.Failed, indexing.LastError),
            new ModelReport(environment.Llm.Provider.ToString(), orchestrator.Generates ? "generated" : "quote"),
            new SearchIndexReport(search.Provider, search.UpToDate, at, last?.Pushed, error));
        return ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}

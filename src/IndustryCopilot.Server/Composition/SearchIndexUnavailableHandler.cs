using Grpc.Core;
using Microsoft.AspNetCore.Diagnostics;

namespace IndustryCopilot.Server.Composition;

/// <summary>
/// A search that could not reach Qdrant (down, restarting, wrong key) is the service being unavailable, not a bug:
/// 503 with the reason and a Retry-After, so MES screens and load balancers back off instead of reporting a crash.
/// </summary>
internal sealed partial class SearchIndexUnavailableHandler(IProblemDetailsService problems, ILogger<SearchIndexUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RpcException rpc)
        {
            return false;
        }

        LogUnavailable(rpc.StatusCode, rpc.Status.Detail);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "search index unavailable", Detail = $"Qdrant: {rpc.StatusCode} {rpc.Status.Detail}" },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "search index unavailable: {Code} {Detail}")]
    private partial void LogUnavailable(StatusCode code, string detail);
}

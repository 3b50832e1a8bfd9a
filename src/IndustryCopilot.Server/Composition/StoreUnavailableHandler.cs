using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace IndustryCopilot.Server.Composition;

/// <summary>
/// A request that could not reach the shared PostgreSQL store (keys, audit) finds the service unavailable, not a bug:
/// 503 with a Retry-After, so clients and load balancers back off (and an answer that could not be recorded is not
/// served). The database's own message is logged, not shown: it can name hosts and users.
/// </summary>
internal sealed partial class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not NpgsqlException database)
        {
            return false;
        }

        LogUnavailable(database);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "store unavailable", Detail = "The shared database (keys, audit) cannot be reached; try again shortly." },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "shared store unavailable")]
    private partial void LogUnavailable(Exception exception);
}

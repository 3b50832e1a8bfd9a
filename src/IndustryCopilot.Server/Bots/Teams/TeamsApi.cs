using System.Text.Json;

namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>
/// <c>POST /api/bots/teams</c>: the Bot Framework messaging endpoint. Every activity must carry a valid token (see
/// <see cref="TeamsTokenValidator"/>), else 401 (503 while no signing keys can be had at all); an activity delivered
/// again is acknowledged and not answered twice. Messages are accepted at once (200) and answered in the background;
/// a conversationUpdate adding members gets the help text; an invoke gets an empty 200 invoke response; other
/// activities are acknowledged and ignored. 404 when <c>Bots:Teams</c> is not configured.
/// </summary>
internal static partial class TeamsApi
{
    public static IEndpointRouteBuilder MapTeamsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/bots/teams", ReceiveAsync).WithTags("Bots").AllowAnonymous();
        return app;
    }

    internal static async Task<IResult> ReceiveAsync(HttpContext http, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetService<TeamsOptions>() is null)
        {
            return TypedResults.NotFound();
        }

        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(http.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return TypedResults.BadRequest();
        }

        if (activity is null || string.IsNullOrEmpty(activity.ServiceUrl) || activity.Conversation is null || activity.From is null)
        {
            return TypedResults.BadRequest();
        }

        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TeamsApi));
        string? error;
        try
        {
            error = await services.GetRequiredService<TeamsTokenValidator>().ValidateAsync(http.Request.Headers.Authorization.FirstOrDefault(), activity, cancellationToken);
        }
        catch (SigningKeysUnavailableException e)
        {
            // The server cannot judge any token: the channel retries a 503, so nothing genuine is lost meanwhile.
            LogNoKeys(log, e.Message);
            http.Response.Headers.RetryAfter = "60";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Bot Framework signing keys unavailable", detail: "Tokens cannot be checked right now.");
        }

        if (error is not null)
        {
            LogRejected(log, error);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Rejected Bot Framework token", detail: error);
        }

        if (activity.Id is { Length: > 0 } && !services.GetRequiredService<TeamsReplayGuard>().Guard.FirstTime(TeamsReplayGuard.Key(activity)))
        {
            LogReplayed(log, activity.Id);
            return TypedResults.Ok();
        }

        switch (activity.Type)
        {
            case "message" when !string.IsNullOrWhiteSpace(activity.Text):
            case "conversationUpdate" when activity.MembersAdded?.Any(m => m.Id != activity.Recipient?.Id) == true:
                services.GetRequiredService<TeamsWorker>().Enqueue(activity);
                return TypedResults.Ok();
            case "invoke":
                return TypedResults.Ok(new { });
            default:
                return TypedResults.Ok();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams activity not judged: the Bot Framework signing keys cannot be fetched ({Error})")]
    private static partial void LogNoKeys(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity {ActivityId} delivered again; handled once")]
    private static partial void LogReplayed(ILogger logger, string activityId);
}

using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Conversations;
using IndustryCopilot.Server.Audit;
using IndustryCopilot.Server.Conversations;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IndustryCopilot.Server.Ask;

/// <summary>
/// <c>POST /api/ask</c> (the whole answer) and <c>POST /api/ask/stream</c> (server-sent events: <c>token</c> while the
/// model writes, unverified; then <c>citations</c>; then <c>done</c> with the verified answer; <c>error</c> instead when
/// it fails or the model is busy). Busy is 429 with Retry-After on the plain endpoint.
/// </summary>
internal static class AskApi
{
    private const int MaxQuestionLength = 2000;

    public static IEndpointRouteBuilder MapAskApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ask").WithTags("Ask").RequireAuthorization().RequireRateLimiting(KeyRateLimits.Policy);
        group.MapPost("", AskAsync);
        group.MapPost("/stream", StreamAsync);
        return app;
    }

    internal static async Task<Results<Ok<AskResponse>, ValidationProblem, ProblemHttpResult>> AskAsync(AskBody body, AnswerOrchestrator orchestrator, AnswerRecorder recorder, IConversationStore conversations, IOptions<JsonOptions> json, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (Validate(body) is { } invalid)
        {
            return invalid;
        }

        var started = time.GetTimestamp();
        var request = await RequestAsync(body, http.User, conversations, orchestrator, cancellationToken);
        var result = await orchestrator.AskAsync(request, cancellationToken);
        if (result is AnswerBusy busy)
        {
            return Busy.Problem(http, busy);
        }

        var answer = ((AnswerCompleted)result).Answer;
        var entry = await recorder.RecordAsync(answer, http.User, body.Channel ?? "api", started, request.ConversationId, cancellationToken);
        var response = AskResponse.From(answer, entry.Id);
        await KeepAsync(conversations, http.User, body, response, json.Value.SerializerOptions, cancellationToken);
        return TypedResults.Ok(response);
    }

    internal static async Task<Results<ServerSentEventsResult<string>, ValidationProblem>> StreamAsync(AskBody body, AnswerOrchestrator orchestrator, AnswerRecorder recorder, IConversationStore conversations, TimeProvider time, IOptions<JsonOptions> json, HttpContext http, CancellationToken cancellationToken)
    {
        if (Validate(body) is { } invalid)
        {
            return invalid;
        }

        var started = time.GetTimestamp();
        var request = await RequestAsync(body, http.User, conversations, orchestrator, cancellationToken);
        var options = json.Value.SerializerOptions;
        return TypedResults.ServerSentEvents(Events(orchestrator, request, options, async answer => (await recorder.RecordAsync(answer, http.User, body.Channel ?? "api", started, request.ConversationId, cancellationToken)).Id, response => KeepAsync(conversations, http.User, body, response, options, cancellationToken), cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(AnswerOrchestrator orchestrator, AskRequest request, JsonSerializerOptions json, Func<Core.Answering.Answer, Task<string>> record, Func<AskResponse, Task> keep, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var events = orchestrator.AskStreamingAsync(request, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            AnswerEvent? current = null;
            string? failure = null;
            try
            {
                if (!await events.MoveNextAsync())
                {
                    yield break;
                }

                current = events.Current;
            }
            catch (InvalidOperationException e)
            {
                // The model failed and Llm:FallbackToQuote is off.
                failure = e.Message;
            }

            if (current is null)
            {
                yield return new SseItem<string>(JsonSerializer.Serialize(new { status = 500, title = "The answer failed", detail = failure }, json), "error");
                yield break;
            }

            switch (current)
            {
                case AnswerToken token:
                    yield return new SseItem<string>(JsonSerializer.Serialize(new { text = token.Text }, json), "token");
                    break;
                case AnswerBusy busy:
                    yield return new SseItem<string>(JsonSerializer.Serialize(new { status = 429, title = "The model is busy", retryAfter = (int)busy.RetryAfter.TotalSeconds }, json), "error");
                    yield break;
                case AnswerCompleted completed:
                    var response = AskResponse.From(completed.Answer, await record(completed.Answer));
                    await keep(response);
                    yield return new SseItem<string>(JsonSerializer.Serialize(response.Citations, json), "citations");
                    yield return new SseItem<string>(JsonSerializer.Serialize(response, json), "done");
                    yield break;
            }
        }
    }

    // The caller's access groups go into the index query; a conversation belongs to its key or person, so another
    // caller cannot continue (or read back) someone else's conversation by guessing its id. A kept conversation's
    // history comes from the store, so a follow-up works after a restart; turns citing a document the caller may no
    // longer see are left out, and the store is then the only source (never the in-process memory, which would still hold them).
    private static async Task<AskRequest> RequestAsync(AskBody body, ClaimsPrincipal user, IConversationStore conversations, AnswerOrchestrator orchestrator, CancellationToken cancellationToken) =>
        new(body.Question.Trim())
        {
            ConversationId = body.ConversationId is { } id ? user.Key().Id + ":" + id : null,
            History = body.ConversationId is { } kept && Owner(user) is { } owner ? await conversations.HistoryAsync(owner, kept, new TurnAccess(user, orchestrator).MayShow, cancellationToken) : null,
            Filter = user.Limit(SearchFilter.Parse(body.Filters ?? [])),
        };

    // Conversations are kept for people and keys; not for the shared anonymous loopback caller.
    internal static string? Owner(ClaimsPrincipal user) => user.Key().Id is { Length: > 0 } id && id != "anonymous" ? id : null;

    private static async Task KeepAsync(IConversationStore conversations, ClaimsPrincipal user, AskBody body, AskResponse response, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        if (body.ConversationId is { } id && Owner(user) is { } owner)
        {
            await conversations.AppendAsync(owner, id, body.Question.Trim(), response.Answer, JsonSerializer.Serialize(response, json), cancellationToken);
        }
    }

    private static ValidationProblem? Validate(AskBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Question))
        {
            errors["question"] = ["A question is required."];
        }
        else if (body.Question.Length > MaxQuestionLength)
        {
            errors["question"] = [$"At most {MaxQuestionLength} characters."];
        }

        if (body.ConversationId is { Length: 0 or > 100 })
        {
            errors["conversationId"] = ["1–100 characters."];
        }

        if (body.Channel is not (null or "api" or "web"))
        {
            errors["channel"] = ["api or web."];
        }

        try
        {
            SearchFilter.Parse(body.Filters ?? []);
        }
        catch (FormatException e)
        {
            errors["filters"] = [e.Message];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }
}

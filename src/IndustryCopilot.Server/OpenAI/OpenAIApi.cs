using System.Net.ServerSentEvents;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Server.Ask;
using IndustryCopilot.Server.Audit;
using IndustryCopilot.Server.Security;

namespace IndustryCopilot.Server.OpenAI;

/// <summary>
/// OpenAI-compatible <c>POST /v1/chat/completions</c> and <c>GET /v1/models</c>, so chat tools and SDKs work unchanged
/// (the key goes in as the OpenAI API key). The last user message is the question; earlier user/assistant pairs are the
/// conversation. The answer text ends with the numbered sources; the citations also come as an extra
/// <c>citations</c> field, and what the answer claims as <c>outcome</c> (<c>answered</c>, <c>closest</c>,
/// <c>notFound</c>; on the last chunk when streaming) — the text of a <c>closest</c> answer starts with its label. With <c>stream: true</c> the <b>verified</b> answer is sent as chunks once verification is
/// done — unverified model text is never streamed through this API, since its clients cannot take it back.
/// </summary>
internal static class OpenAIApi
{
    public const string ModelId = "industrycopilot";

    public static IEndpointRouteBuilder MapOpenAIApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("OpenAI-compatible").RequireAuthorization().RequireRateLimiting(KeyRateLimits.Policy);
        group.MapGet("/models", () => TypedResults.Ok(new { @object = "list", data = new[] { new { id = ModelId, @object = "model", created = 1_767_225_600, owned_by = "industrycopilot" } } }));
        group.MapPost("/chat/completions", CompleteAsync);
        return app;
    }

    internal static async Task<IResult> CompleteAsync(ChatCompletionRequest body, AnswerOrchestrator orchestrator, AnswerRecorder recorder, TimeProvider time, ClaimsPrincipal user, HttpContext http, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var messages = body.Messages ?? [];
        var question = messages.LastOrDefault(m => m.Role == "user")?.Text.Trim() ?? "";
        if (question.Length is 0 or > 2000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["messages"] = ["The last user message must hold a question of 1–2000 characters."] });
        }

        var request = new AskRequest(question) { History = History(messages), Filter = user.Limit(SearchFilter.None) };
        var result = await orchestrator.AskAsync(request, cancellationToken);
        if (result is AnswerBusy busy)
        {
            return Busy.Problem(http, busy);
        }

        var answer = ((AnswerCompleted)result).Answer;
        var entry = await recorder.RecordAsync(answer, user, "openai", started, null, cancellationToken);
        var id = "chatcmpl-" + entry.Id;
        var created = entry.Time.ToUnixTimeSeconds();
        var content = WithSources(answer);
        var citations = answer.Citations.Select(CitationView.From).ToList();
        if (!body.Stream)
        {
            return TypedResults.Ok(new
            {
                id, @object = "chat.completion", created, model = ModelId,
                choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 0, completion_tokens = 0, total_tokens = 0 },
                citations,
                mode = answer.Mode,
                outcome = answer.Outcome,
            });
        }

        return TypedResults.ServerSentEvents(Chunks(id, created, content, citations, JsonNamingPolicy.CamelCase.ConvertName(answer.Outcome.ToString())).ToAsyncEnumerable());
    }

    // OpenAI's stream: "data: {chunk}" events, a final chunk with finish_reason, then "data: [DONE]".
    private static IEnumerable<SseItem<string>> Chunks(string id, long created, string content, List<CitationView> citations, string outcome)
    {
        string Chunk(object delta, string? finish, object? extra = null) => JsonSerializer.Serialize(new
        {
            id, @object = "chat.completion.chunk", created, model = ModelId,
            choices = new[] { new { index = 0, delta, finish_reason = finish } },
            citations = extra,
            outcome = finish is null ? null : outcome,
        });

        yield return new SseItem<string>(Chunk(new { role = "assistant", content = "" }, null));
        foreach (var piece in Pieces(content))
        {
            yield return new SseItem<string>(Chunk(new { content = piece }, null));
        }

        yield return new SseItem<string>(Chunk(new { }, "stop", citations));
        yield return new SseItem<string>("[DONE]");
    }

    private static IEnumerable<string> Pieces(string text)
    {
        for (var i = 0; i < text.Length; i += 64)
        {
            yield return text.Substring(i, Math.Min(64, text.Length - i));
        }
    }

    private static string WithSources(Answer answer)
    {
        if (answer.Citations.Count == 0)
        {
            return answer.Text;
        }

        var text = new StringBuilder(answer.Text).Append("\n\n").Append(answer.Language is Core.Documents.DocumentLanguage.Zh or Core.Documents.DocumentLanguage.Mixed ? "来源：" : "Sources:");
        foreach (var citation in answer.Citations)
        {
            text.Append('\n').Append(CitationFormat.Line(citation));
        }

        return text.ToString();
    }

    // user/assistant pairs before the last user message, oldest first.
    private static List<ConversationTurn> History(IReadOnlyList<ChatCompletionMessage> messages)
    {
        var turns = new List<ConversationTurn>();
        var last = messages.Select((m, i) => (m, i)).Last(x => x.m.Role == "user").i;
        for (var i = 0; i + 1 < last; i++)
        {
            if (messages[i].Role == "user" && messages[i + 1].Role == "assistant")
            {
                turns.Add(new ConversationTurn(messages[i].Text, messages[i + 1].Text));
            }
        }

        return turns;
    }
}

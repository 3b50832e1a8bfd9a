using System.Security.Claims;
using System.Text.Json;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Conversations;
using IndustryCopilot.Server.Ask;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Conversations;

/// <summary>
/// A caller's own conversations (the history list): list, reopen with every answer and its sources, rename, delete.
/// Someone else's conversation is "not found", whatever its id. Each turn is shown only while its owner may still see
/// every document it revealed (<see cref="TurnAccess"/>); otherwise it is redacted and says so.
/// </summary>
internal static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization().RequireRateLimiting(KeyRateLimits.Policy);
        group.MapGet("", (ClaimsPrincipal user, ConversationStore store) =>
            TypedResults.Ok(AskApi.Owner(user) is { } owner ? store.List(owner) : []));
        group.MapGet("/{id}", Get);
        group.MapPatch("/{id}", Rename);
        group.MapDelete("/{id}", (string id, ClaimsPrincipal user, ConversationStore store) =>
            AskApi.Owner(user) is { } owner && store.Delete(owner, id) ? Results.NoContent() : Results.NotFound());
        return app;
    }

    private static Results<Ok<ConversationView>, NotFound> Get(string id, ClaimsPrincipal user, ConversationStore store, AnswerOrchestrator orchestrator)
    {
        if (AskApi.Owner(user) is not { } owner || store.Get(owner, id) is not { } conversation)
        {
            return TypedResults.NotFound();
        }

        var access = new TurnAccess(user, orchestrator);
        return TypedResults.Ok(new ConversationView(conversation.Summary.Id, conversation.Summary.Title, conversation.Summary.Created, conversation.Summary.Updated,
            [.. conversation.Turns.Select(t => access.MayShow(t.Response)
                ? new ConversationTurnView(t.Question, JsonDocument.Parse(t.Response).RootElement.Clone(), t.Created)
                : new ConversationTurnView(t.Question, null, t.Created, Redacted: true, Notice: RedactedNotice))]));
    }

    internal const string RedactedNotice = "This answer cited a document you can no longer see (your access groups changed, or the document was narrowed or removed), so it is withheld. Ask again for an answer from what you can see now. / 此回答引用了您当前无权查看的文件（访问组已变更，或文件已收紧或删除），已隐藏。请重新提问。";

    private static Results<NoContent, NotFound, ValidationProblem> Rename(string id, ConversationRename body, ClaimsPrincipal user, ConversationStore store)
    {
        if (string.IsNullOrWhiteSpace(body.Title))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = ["A title is required."] });
        }

        return AskApi.Owner(user) is { } owner && store.Rename(owner, id, body.Title) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}

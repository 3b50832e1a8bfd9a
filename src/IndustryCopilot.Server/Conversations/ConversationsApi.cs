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
        group.MapGet("", async (ClaimsPrincipal user, IConversationStore store, CancellationToken cancellationToken) =>
            TypedResults.Ok(AskApi.Owner(user) is { } owner ? await store.ListAsync(owner, cancellationToken) : []));
        group.MapGet("/{id}", GetAsync);
        group.MapPatch("/{id}", RenameAsync);
        group.MapDelete("/{id}", async (string id, ClaimsPrincipal user, IConversationStore store, CancellationToken cancellationToken) =>
            AskApi.Owner(user) is { } owner && await store.DeleteAsync(owner, id, cancellationToken) ? Results.NoContent() : Results.NotFound());
        return app;
    }

    private static async Task<Results<Ok<ConversationView>, NotFound>> GetAsync(string id, ClaimsPrincipal user, IConversationStore store, AnswerOrchestrator orchestrator, CancellationToken cancellationToken)
    {
        if (AskApi.Owner(user) is not { } owner || await store.GetAsync(owner, id, cancellationToken) is not { } conversation)
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

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> RenameAsync(string id, ConversationRename body, ClaimsPrincipal user, IConversationStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Title))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = ["A title is required."] });
        }

        return AskApi.Owner(user) is { } owner && await store.RenameAsync(owner, id, body.Title, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}

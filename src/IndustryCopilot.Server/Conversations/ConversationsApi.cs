using System.Security.Claims;
using System.Text.Json;
using IndustryCopilot.Hosting.Conversations;
using IndustryCopilot.Server.Ask;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Conversations;

/// <summary>
/// A caller's own conversations (the history list): list, reopen with every answer and its sources, rename, delete.
/// Someone else's conversation is "not found", whatever its id.
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

    private static Results<Ok<ConversationView>, NotFound> Get(string id, ClaimsPrincipal user, ConversationStore store)
    {
        if (AskApi.Owner(user) is not { } owner || store.Get(owner, id) is not { } conversation)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new ConversationView(conversation.Summary.Id, conversation.Summary.Title, conversation.Summary.Created, conversation.Summary.Updated,
            [.. conversation.Turns.Select(t => new ConversationTurnView(t.Question, JsonDocument.Parse(t.Response).RootElement.Clone(), t.Created))]));
    }

    private static Results<NoContent, NotFound, ValidationProblem> Rename(string id, ConversationRename body, ClaimsPrincipal user, ConversationStore store)
    {
        if (string.IsNullOrWhiteSpace(body.Title))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = ["A title is required."] });
        }

        return AskApi.Owner(user) is { } owner && store.Rename(owner, id, body.Title) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}

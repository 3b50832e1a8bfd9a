using IndustryCopilot.Core.Retrieval;
using System.Security.Claims;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Search;

/// <summary><c>POST /api/search</c>: hybrid search with the per-lane ranks, as <c>icp search</c> shows them.</summary>
internal static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/search", SearchAsync).WithTags("Search").RequireAuthorization().RequireRateLimiting(KeyRateLimits.Policy);
        return app;
    }

    internal static async Task<Results<Ok<IReadOnlyList<SearchHit>>, ValidationProblem>> SearchAsync(SearchBody body, AnswerOrchestrator orchestrator, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        SearchFilter filter;
        try
        {
            filter = SearchFilter.Parse(body.Filters ?? []);
        }
        catch (FormatException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filters"] = [e.Message] });
        }

        if (string.IsNullOrWhiteSpace(body.Query) || body.Query.Length > 2000 || body.K is < 1 or > 50)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = ["A query of 1–2000 characters and k between 1 and 50 are required."] });
        }

        var response = await orchestrator.SearchAsync(new SearchRequest(body.Query) { K = body.K ?? 10, Filter = user.Limit(filter) }, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SearchHit>>([.. response.Hits.Select((h, i) => SearchHit.From(i + 1, h))]);
    }
}

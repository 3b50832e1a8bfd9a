using System.Security.Claims;
using IndustryCopilot.Core.Answering.Examples;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Server.Security;

namespace IndustryCopilot.Server.Documents;

/// <summary>
/// <c>GET /api/overview?lang=zh|en</c>: the greeting on an empty chat page — only the documents the caller may see,
/// and a few example questions made from their content (an alarm code's action, a table value, a step list), phrased in the page's language.
/// </summary>
internal static class OverviewApi
{
    private const int MaxExamples = 4;

    public static IEndpointRouteBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/overview", Overview).WithTags("Documents").RequireAuthorization().RequireRateLimiting(KeyRateLimits.Policy);
        return app;
    }

    internal static LibraryOverview Overview(string? lang, AnswerOrchestrator orchestrator, ClaimsPrincipal user)
    {
        var chinese = lang != "en";
        return orchestrator.ReadIndex(index =>
        {
            var documents = index.ListDocuments().Where(user.CanSee).ToList();
            var current = documents.Where(d => d.Status == DocumentStatus.Current).ToList();
            // Documents in the page's language first, so an example asked as shown finds its document.
            var wanted = chinese ? DocumentLanguage.Zh : DocumentLanguage.En;
            var examples = current
                .OrderBy(d => d.Language == wanted ? 0 : 1).ThenByDescending(d => d.IndexedAt).ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => ExampleQuestions.Best(index.GetChunks(d.Id), d, chinese))
                .OfType<string>().Distinct(StringComparer.Ordinal).Take(MaxExamples).ToList();
            return new LibraryOverview(
                documents.Count,
                documents.GroupBy(d => d.DocType ?? d.Format).ToDictionary(g => g.Key, g => g.Count()),
                [.. documents.Select(d => d.Language).Where(l => l is DocumentLanguage.Zh or DocumentLanguage.En).Distinct().Select(l => l.ToString().ToLowerInvariant()).Order(StringComparer.Ordinal)],
                documents.Count == 0 ? null : documents.Max(d => d.IndexedAt),
                examples);
        });
    }
}

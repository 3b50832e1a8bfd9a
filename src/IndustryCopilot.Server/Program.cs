using IndustryCopilot.Server.Ask;
using IndustryCopilot.Server.Audit;
using IndustryCopilot.Server.Bots;
using IndustryCopilot.Server.Composition;
using IndustryCopilot.Server.Conversations;
using IndustryCopilot.Server.Documents;
using IndustryCopilot.Server.Feedback;
using IndustryCopilot.Server.Health;
using IndustryCopilot.Server.Mes;
using IndustryCopilot.Server.OpenAI;
using IndustryCopilot.Server.Search;
using IndustryCopilot.Server.Security;
using IndustryCopilot.Server.SignIn;
using IndustryCopilot.Server.Telemetry;

var builder = WebApplication.CreateBuilder(args);
builder.AddCopilot();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWebUi();
app.UseAuthentication();
app.UseAntiforgeryCheck();
app.UseAuthorization();
app.UseRateLimiter();
app.MapApiDocs();
app.MapMetrics();
app.MapHealthApi();
app.MapSignInApi();
app.MapSessionApi();
app.MapKeysApi();
app.MapSessionsAdminApi();
app.MapSearchApi();
app.MapAskApi();
app.MapConversationsApi();
app.MapOpenAIApi();
app.MapMesApi();
app.MapDocumentsApi();
app.MapOverviewApi();
app.MapFeedbackApi();
app.MapAuditApi();
app.MapBotApis();
try
{
    app.LogWhereToOpen().Run();
    return 0;
}
catch (Exception ex) when (StartupFailure.Problems(ex) is { Count: > 0 } problems)
{
    // Every wrong setting of every section at once, one per line, instead of a stack trace for the first.
    Console.Error.WriteLine($"error: the configuration has {problems.Count} problem(s); the server did not start:");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine("  " + problem);
    }

    return 2;
}

/// <summary>The server's entry point, named for <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;

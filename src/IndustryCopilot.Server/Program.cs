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
app.LogWhereToOpen().Run();

/// <summary>The server's entry point, named for <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;

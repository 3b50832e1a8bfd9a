using IndustryCopilot.Server.Ask;
using IndustryCopilot.Server.Composition;
using IndustryCopilot.Server.Health;
using IndustryCopilot.Server.Mes;
using IndustryCopilot.Server.OpenAI;
using IndustryCopilot.Server.Search;
using IndustryCopilot.Server.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddCopilot();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapOpenApi();
app.MapHealthApi();
app.MapSearchApi();
app.MapAskApi();
app.MapOpenAIApi();
app.MapMesApi();
app.Run();

/// <summary>The server's entry point, named for <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;

using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Documents;

/// <summary>The greeting's overview: only the caller's documents, by type and language, with example questions from their sections in the page's language.</summary>
public sealed class OverviewApiTests
{
    [Fact]
    public async Task Overview_CorpusReader_CountsTypesLanguagesAndExamplesInThePagesLanguage()
    {
        using var server = new CorpusServer { Anonymous = false };
        using var client = await server.ReadyClientAsync(server.AddKey("operator", ApiKeyRole.Reader));
        var documents = JsonDocument.Parse(await client.GetStringAsync("/api/documents")).RootElement.GetArrayLength();

        var zh = JsonDocument.Parse(await client.GetStringAsync("/api/overview?lang=zh")).RootElement;
        var en = JsonDocument.Parse(await client.GetStringAsync("/api/overview?lang=en")).RootElement;

        Assert.Equal(documents, zh.GetProperty("documents").GetInt32());
        Assert.Equal(documents, zh.GetProperty("byType").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(["en", "zh"], zh.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        Assert.True(zh.TryGetProperty("lastIndexed", out var last) && last.ValueKind == JsonValueKind.String);
        var zhExamples = zh.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!).ToList();
        var enExamples = en.GetProperty("examples").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.InRange(zhExamples.Count, 1, 4);
        Assert.All(zhExamples, e => Assert.StartsWith("《", e, StringComparison.Ordinal));
        Assert.All(enExamples, e => Assert.StartsWith("What does ", e, StringComparison.Ordinal));
    }
}

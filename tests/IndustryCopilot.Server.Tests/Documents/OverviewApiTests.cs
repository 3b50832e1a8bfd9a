using System.Text.Json;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Documents;

/// <summary>The greeting's overview: only the caller's documents, by type and language, with example questions from their content in the page's language.</summary>
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
        Assert.All(zhExamples, e => Assert.EndsWith("？", e, StringComparison.Ordinal));
        Assert.All(enExamples, e => Assert.EndsWith("?", e, StringComparison.Ordinal));
        // From content (an alarm code, a table value, a step list), never from a section title such as "1 目的".
        Assert.True(zhExamples.Any(e => e.EndsWith("报警怎么处理？", StringComparison.Ordinal)), string.Join(" | ", zhExamples.Concat(enExamples)));
        Assert.DoesNotContain(zhExamples.Concat(enExamples), e => e.Contains("目的", StringComparison.Ordinal) || e.Contains("Purpose", StringComparison.Ordinal) || e.Contains("Scope", StringComparison.Ordinal));
        // Each example, asked as shown, finds its passage.
        foreach (var example in zhExamples.Concat(enExamples))
        {
            var answer = JsonDocument.Parse(await (await CorpusServer.PostJson(client, "/api/ask", new { question = example })).Content.ReadAsStringAsync()).RootElement;
            Assert.NotEqual("notFound", answer.GetProperty("outcome").GetString());
        }
    }
}

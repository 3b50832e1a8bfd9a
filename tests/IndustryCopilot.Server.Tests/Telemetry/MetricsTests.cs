using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Telemetry;

// Meters and activity listeners are process-wide: one server of this collection at a time, so counts are its own.
[Collection("Telemetry")]
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_AfterSearchAndAsk_PrometheusTextWithOurInstruments()
    {
        using var server = new CorpusServer();
        using var client = await server.ReadyClientAsync();
        await CorpusServer.PostJson(client, "/api/search", new { query = "AC-37 oil change" });
        await CorpusServer.PostJson(client, "/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" });

        var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("icp_retrieval_duration_milliseconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("stage=\"lexical\"", text, StringComparison.Ordinal);
        Assert.Contains("stage=\"index\"", text, StringComparison.Ordinal);
        Assert.Contains("icp_answer_duration_milliseconds_count{", text, StringComparison.Ordinal);
        // At least this test's answer: a meter is found by its name process-wide, so a server of another test class
        // answering at the same moment is counted too (the collection keeps only telemetry tests apart).
        var answered = System.Text.RegularExpressions.Regex.Match(text, "icp_answer_duration_milliseconds_count\\{[^}]*channel=\"api\",mode=\"quote\"\\} (\\d+)");
        Assert.True(answered.Success && int.Parse(answered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1, "quote answers on the API counted");
        Assert.Contains("icp_generation_queue", text, StringComparison.Ordinal);
        Assert.Contains("icp_ingestion_files_done", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", text, StringComparison.Ordinal);
    }
}

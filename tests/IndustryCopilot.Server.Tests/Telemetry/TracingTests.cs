using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Core.Tracing;
using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Telemetry;

/// <summary>
/// With the standard OTLP settings the server sends its stage spans to the plant's collector (here a loopback HTTP
/// endpoint standing in for one, OTLP over HTTP/protobuf).
/// </summary>
// Meters and activity listeners are process-wide: one server of this collection at a time, so counts are its own.
[Collection("Telemetry")]
public sealed class TracingTests
{
    [Fact]
    public async Task Ask_OtlpEndpointConfigured_StageSpansExportedToTheCollector()
    {
        using var collector = new LoopbackServer(_ => (200, "application/x-protobuf", ""));
        using var server = new CorpusServer
        {
            Settings = new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "50",
            },
        };
        using var client = await server.ReadyClientAsync();

        await CorpusServer.PostJson(client, "/api/ask", new { question = "M12 螺栓的拧紧力矩是多少？" });

        // Protobuf carries names as UTF-8, so the scope and the stage names read through; a batch may hold any part.
        string Exported() => string.Concat(collector.Requests.Where(r => r.Method == "POST" && r.PathAndQuery == "/v1/traces").Select(r => r.Body));
        string[] expected = [CopilotTracing.SourceName, "analyze", "index-lanes", "lexical", "fuse"];
        await Until.Signalled(() => expected.All(name => Exported().Contains(name, StringComparison.Ordinal)), h => collector.Arrived += h, h => collector.Arrived -= h, "the ask's stage spans at the collector");

        Assert.All(expected, name => Assert.Contains(name, Exported(), StringComparison.Ordinal));
    }
}

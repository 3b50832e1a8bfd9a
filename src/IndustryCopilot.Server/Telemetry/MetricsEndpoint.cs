namespace IndustryCopilot.Server.Telemetry;

/// <summary><c>/metrics</c> in Prometheus text format (no key: it holds counts and timings, never document content).</summary>
internal static class MetricsEndpoint
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}

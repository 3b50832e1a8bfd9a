using System.Text.Json;
using System.Text.Json.Serialization;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Tracing;
using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Composition;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Qdrant;
using IndustryCopilot.Server.Audit;
using IndustryCopilot.Server.Bots;
using IndustryCopilot.Server.Documents;
using IndustryCopilot.Server.Indexing;
using IndustryCopilot.Server.Security;
using IndustryCopilot.Server.SignIn;
using IndustryCopilot.Server.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace IndustryCopilot.Server.Composition;

/// <summary>Registers the product in the web host: the composition shared with the CLI, then the server's own options, sign-in, workers and endpoints' services.</summary>
internal static class CopilotServices
{
    /// <summary>The command-line flag naming the data directory, as the CLI's <c>--data-dir</c>.</summary>
    public const string DataDirFlag = "data-dir";

    public static WebApplicationBuilder AddCopilot(this WebApplicationBuilder builder)
    {
        // Same convention as the CLI: appsettings.json beside the program first (the server may run from any folder,
        // which is its content root), overridden by the one in the current folder, then ICP_Section__Key variables.
        var beside = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true).Build();
        builder.Configuration.Sources.Insert(0, new ChainedConfigurationSource { Configuration = beside, ShouldDisposeConfiguration = true });
        builder.Configuration.AddEnvironmentVariables("ICP_");
        // The composition the CLI builds too: every section bound and checked when the host starts (all problems at once).
        // `--data-dir X` as the CLI takes it (the command line arrives as the configuration key "data-dir"), so a key made
        // with `icp keys add --data-dir X` is the key this server checks.
        var layout = CopilotLayout.Read(builder.Configuration, builder.Configuration[DataDirFlag]);
        builder.Services.AddCopilotCore(builder.Configuration, layout);
        var shared = layout.Store == StoreProvider.Postgres;
        // Bound here only for what decides the services (upload folder, rate window, sign-in methods); checked at start.
        var server = builder.Configuration.Peek<ServerOptions>(ServerOptions.Section);
        var auth = builder.Configuration.Peek<AuthOptions>(AuthOptions.Section);
        builder.Services.AddValidatedOptions<ServerOptions>(builder.Configuration, ServerOptions.Section);
        builder.Services.AddValidatedOptions<AuthOptions>(builder.Configuration, AuthOptions.Section);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<SearchIndexUnavailableHandler>();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySchemeTransformer>().AddOperationTransformer<ApiKeySchemeTransformer>());
        // Questions are short; nothing on these endpoints needs more than 1 MiB (uploads, when they come, get their own limit).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddSingleton(sp => sp.Options<ServerOptions>());
        builder.Services.AddSingleton(sp => new ServedModel(sp.GetRequiredService<CopilotEnvironment>().Backend(sp.GetRequiredService<ILogger<ServedModel>>())));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<CopilotEnvironment>().Orchestrator(sp.GetRequiredService<SqliteIndex>(), sp.GetRequiredService<ServedModel>().Backend, sp.GetService<QdrantSearchIndex>()));
        builder.Services.AddSingleton<IndexingStatus>();
        builder.Services.AddCallers(auth, layout.DataDirectory, shared);
        builder.Services.AddAuthorization(o => o.AddRolePolicies());
        builder.Services.AddKeyRateLimits(server);
        builder.Services.AddHostedService<IndexingWorker>();
        builder.Services.AddSingleton(new SearchIndexSyncStatus(layout.Index.ToString().ToLowerInvariant()));
        if (layout.Index == IndexProvider.Qdrant)
        {
            builder.Services.AddHostedService<SearchIndexSyncWorker>();
        }

        builder.Services.AddSingleton(new Uploads(server.Uploads(layout.DataDirectory)));
        if (shared)
        {
            // A plant group: the catalog and upload jobs are shared, one replica at a time indexes (see IndexerRole).
            builder.Services.AddSingleton(sp => new PostgresCatalog(sp.GetRequiredService<PostgresStore>()));
            builder.Services.AddSingleton(sp => IndexerRole.Replica(sp.GetRequiredService<PostgresCatalog>()));
            builder.Services.AddSingleton(sp => new IndexerLease(sp.GetRequiredService<PostgresStore>()));
            builder.Services.AddSingleton<IUploadQueue>(sp => new PostgresUploadQueue(sp.GetRequiredService<PostgresStore>(), sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddHostedService<ReplicationWorker>();
        }
        else
        {
            builder.Services.AddSingleton(IndexerRole.Single());
            builder.Services.AddSingleton<UploadQueue>();
            builder.Services.AddSingleton<IUploadQueue>(sp => sp.GetRequiredService<UploadQueue>());
        }

        builder.Services.AddHostedService<UploadWorker>();
        builder.Services.AddSingleton<AnswerRecorder>();
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddBots(builder.Configuration);
        var telemetry = builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", RetrievalMetrics.MeterName, AnsweringMetrics.MeterName, ServerMetrics.MeterName)
            .AddPrometheusExporter());
        // Stage spans go to the plant's collector when it is named the standard way (OTEL_EXPORTER_OTLP_ENDPOINT),
        // under the HTTP request's span (ASP.NET Core's own source: without it the parent is unsampled and every stage
        // dropped); with none, nothing listens and a stage costs a clock read.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing.AddSource("Microsoft.AspNetCore", CopilotTracing.SourceName).AddOtlpExporter());
        }
        return builder;
    }

    /// <summary>The answer flow, created on first use (loading the model, if any, then).</summary>
    public static AnswerOrchestrator Orchestrator(this IServiceProvider services) => services.GetRequiredService<AnswerOrchestrator>();
}

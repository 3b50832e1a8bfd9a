using System.Text.Json;
using System.Text.Json.Serialization;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Tracing;
using IndustryCopilot.Qdrant;
using IndustryCopilot.Server.Audit;
using IndustryCopilot.Server.Bots;
using IndustryCopilot.Server.Documents;
using IndustryCopilot.Server.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Server.Indexing;
using IndustryCopilot.Server.Security;
using IndustryCopilot.Server.SignIn;

namespace IndustryCopilot.Server.Composition;

/// <summary>Registers the product in the web host: options validated at start, one index for serving, the answer flow, the indexing worker.</summary>
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
        // `--data-dir X` as the CLI takes it (the command line arrives as the configuration key "data-dir"), so a key made
        // with `icp keys add --data-dir X` is the key this server checks.
        var environment = CopilotEnvironment.FromConfiguration(builder.Configuration, builder.Configuration[DataDirFlag]);
        var server = builder.Configuration.GetSection(ServerOptions.Section).Get<ServerOptions>() ?? new ServerOptions();
        server.Validate();

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<SearchIndexUnavailableHandler>();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySchemeTransformer>().AddOperationTransformer<ApiKeySchemeTransformer>());
        // Questions are short; nothing on these endpoints needs more than 1 MiB (uploads, when they come, get their own limit).
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 1024 * 1024);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddSingleton(environment);
        builder.Services.AddSingleton(server);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => environment.OpenIndex());
        builder.Services.AddSingleton(sp => new ServedModel(environment.Backend(modelFlag: null, sp.GetRequiredService<ILogger<ServedModel>>())));
        // The host's clock reaches the model queue and conversation memory (tests drive both with a fake one).
        builder.Services.AddSingleton(sp => environment.Orchestrator(sp.GetRequiredService<SqliteIndex>(), sp.GetRequiredService<ServedModel>().Backend, sp.GetService<QdrantSearchIndex>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IndexingStatus>();
        builder.Services.AddSingleton(sp => environment.OpenKeys(sp.GetRequiredService<TimeProvider>()));
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        auth.Validate();
        builder.Services.AddCallers(auth, environment.Index.DataDirectory, environment.SharedStore());
        builder.Services.AddAuthorization(o => o.AddRolePolicies());
        builder.Services.AddKeyRateLimits(server);
        builder.Services.AddHostedService<IndexingWorker>();
        builder.Services.AddSingleton(new SearchIndexSyncStatus(environment.Index.Provider.ToString().ToLowerInvariant()));
        if (environment.Index.Provider == IndexProvider.Qdrant)
        {
            // One Qdrant index (one gRPC channel) for searches and the sync worker.
            builder.Services.AddSingleton(_ => environment.QdrantIndex());
            builder.Services.AddHostedService<SearchIndexSyncWorker>();
        }

        builder.Services.AddSingleton(new Uploads(server.Uploads(environment.Index.DataDirectory)));
        if (environment.SharedStore() is { } shared)
        {
            // A plant group: the catalog and upload jobs are shared, one replica at a time indexes (see IndexerRole).
            builder.Services.AddSingleton(new PostgresCatalog(shared));
            builder.Services.AddSingleton(sp => IndexerRole.Replica(sp.GetRequiredService<PostgresCatalog>()));
            builder.Services.AddSingleton(new IndexerLease(shared));
            builder.Services.AddSingleton<IUploadQueue>(sp => new PostgresUploadQueue(shared, sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddHostedService<ReplicationWorker>();
        }
        else
        {
            builder.Services.AddSingleton(IndexerRole.Single());
            builder.Services.AddSingleton<UploadQueue>();
            builder.Services.AddSingleton<IUploadQueue>(sp => sp.GetRequiredService<UploadQueue>());
        }

        builder.Services.AddHostedService<UploadWorker>();
        builder.Services.AddSingleton(_ => environment.OpenAudit());
        builder.Services.AddSingleton<AnswerRecorder>();
        builder.Services.AddSingleton(sp => environment.OpenConversations(sp.GetRequiredService<TimeProvider>()));
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

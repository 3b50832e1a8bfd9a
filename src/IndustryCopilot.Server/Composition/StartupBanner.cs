using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IndustryCopilot.Server.Composition;

/// <summary>Once listening, says where to open the UI, and how to get in when there is no key yet.</summary>
internal static partial class StartupBanner
{
    public static WebApplication LogWhereToOpen(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("IndustryCopilot");
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses.Select(a => a.TrimEnd('/')))
            {
                LogOpen(logger, address);
            }

            // Which data directory (keys, catalog, audit) this server reads: the first thing to check when a key is "unknown".
            var dataDirectory = app.Services.GetRequiredService<CopilotEnvironment>().Index.DataDirectory;
            LogDataDirectory(logger, dataDirectory);
            var options = app.Services.GetRequiredService<ServerOptions>();
            if (!options.AllowAnonymousLoopback)
            {
                _ = WarnWhenNoKeyAsync(app.Services.GetRequiredService<IApiKeyStore>(), logger, app.Lifetime.ApplicationStopping);
            }
        });
        return app;
    }

    // The key store may be a database across the network: asked in the background, never holding up the start.
    private static async Task WarnWhenNoKeyAsync(IApiKeyStore keys, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            if ((await keys.ListAsync(cancellationToken)).All(k => !k.Active))
            {
                LogNoKeys(logger);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogKeysUnreadable(logger, e);
        }
        catch (OperationCanceledException)
        {
            // Stopping already.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the API keys at start")]
    private static partial void LogKeysUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "IndustryCopilot: open {Url}/ in a browser (API page: {Url}/scalar/)")]
    private static partial void LogOpen(ILogger logger, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "IndustryCopilot: data directory {DataDirectory} (keys, catalog, audit; set with --data-dir or ICP_DATA_DIR)")]
    private static partial void LogDataDirectory(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key exists yet, so nobody can sign in: create one with `./icp keys add --name <you> --role admin` (same data directory), or start with --Server:AllowAnonymousLoopback=true to try it on this machine")]
    private static partial void LogNoKeys(ILogger logger);
}

using IndustryCopilot.Hosting.Composition;
using IndustryCopilot.Server.Bots.Teams;
using IndustryCopilot.Server.Bots.WeCom;

namespace IndustryCopilot.Server.Bots;

/// <summary>Registers the bots whose configuration sections are present (validated at start); absent ones stay off and their endpoints answer 404.</summary>
internal static class BotServices
{
    public static IServiceCollection AddBots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BotAnswering>();
        services.AddHttpClient();
        if (configuration.GetSection(WeComOptions.Section).Exists())
        {
            services.AddValidatedOptions<WeComOptions>(configuration, WeComOptions.Section);
            services.AddSingleton(sp => sp.Options<WeComOptions>());
            services.AddSingleton<WeComReplayGuard>();
            services.AddSingleton(sp => new WeComClient(Http(sp, nameof(WeComClient)), sp.Options<WeComOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<WeComClient>>()));
            services.AddSingleton<WeComWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<WeComWorker>());
        }

        if (configuration.GetSection(TeamsOptions.Section).Exists())
        {
            services.AddValidatedOptions<TeamsOptions>(configuration, TeamsOptions.Section);
            services.AddSingleton(sp => sp.Options<TeamsOptions>());
            services.AddSingleton<TeamsReplayGuard>();
            services.AddSingleton(sp => new TeamsTokenValidator(Http(sp, nameof(TeamsTokenValidator)), sp.Options<TeamsOptions>(), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton(sp => new TeamsConnector(Http(sp, nameof(TeamsConnector)), sp.Options<TeamsOptions>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<TeamsConnector>>()));
            services.AddSingleton<TeamsWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<TeamsWorker>());
        }

        return services;
    }

    // The clients cache tokens and keys, so they live as long as the server; 30 s is plenty for any of these calls.
    private static HttpClient Http(IServiceProvider services, string name)
    {
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(name);
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    }

    public static IEndpointRouteBuilder MapBotApis(this IEndpointRouteBuilder app)
    {
        app.MapWeComApi();
        app.MapTeamsApi();
        return app;
    }
}

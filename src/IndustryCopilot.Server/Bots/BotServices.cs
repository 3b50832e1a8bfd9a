using IndustryCopilot.Server.Bots.WeCom;

namespace IndustryCopilot.Server.Bots;

/// <summary>Registers the bots whose configuration sections are present (validated at start); absent ones stay off and their endpoints answer 404.</summary>
internal static class BotServices
{
    public static IServiceCollection AddBots(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BotAnswering>();
        if (configuration.GetSection(WeComOptions.Section) is { } wecomSection && wecomSection.Exists())
        {
            var wecom = wecomSection.Get<WeComOptions>() ?? new WeComOptions();
            wecom.Validate();
            services.AddSingleton(wecom);
            services.AddSingleton<WeComReplayGuard>();
            services.AddHttpClient<WeComClient>(c => c.Timeout = TimeSpan.FromSeconds(30));
            services.AddSingleton<WeComWorker>();
            services.AddHostedService(sp => sp.GetRequiredService<WeComWorker>());
        }

        return services;
    }

    public static IEndpointRouteBuilder MapBotApis(this IEndpointRouteBuilder app)
    {
        app.MapWeComApi();
        return app;
    }
}

using IndustryCopilot.Core.Settings;
using Microsoft.Extensions.Options;

namespace IndustryCopilot.Server.Composition;

/// <summary>Reads the configuration problems out of what the host threw when it refused to start.</summary>
internal static class StartupFailure
{
    /// <summary>Every problem the start-up checks found (one section or several); empty when <paramref name="error"/> is another failure.</summary>
    public static IReadOnlyList<string> Problems(Exception error) => error switch
    {
        OptionsValidationException options => [.. options.Failures],
        InvalidOptionsException invalid => invalid.Problems,
        AggregateException aggregate when aggregate.InnerExceptions.All(e => Problems(e).Count > 0) => [.. aggregate.InnerExceptions.SelectMany(Problems)],
        _ => [],
    };
}

using IndustryCopilot.Core.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IndustryCopilot.Hosting.Composition;

/// <summary>How every options section enters the container: bound from its section, checked by its own problem list, at start.</summary>
public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> and checks it when the host starts (or the CLI's
    /// container is built); <paramref name="validate"/> false binds without checking (a section not in use).
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section, bool validate = true)
        where T : class, IValidatedOptions
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = services.AddOptions<T>().Bind(configuration.GetSection(section));
        if (validate)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, OptionsValidation<T>>());
            builder.ValidateOnStart();
        }

        return builder;
    }

    /// <summary>The checked value of <typeparamref name="T"/>.</summary>
    public static T Options<T>(this IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;

    /// <summary>
    /// Runs the start-up checks of every section at once, as the web host does before it starts, and throws one
    /// <see cref="InvalidOptionsException"/> listing every problem of every section.
    /// </summary>
    public static void ValidateOptions(this IServiceProvider services)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException ex)
        {
            throw new InvalidOptionsException([.. ex.Failures]);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
        {
            throw new InvalidOptionsException([.. ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)]);
        }
    }
}

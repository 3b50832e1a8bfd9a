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
        services.TryAddSingleton<BindingProblems<T>>();
        var builder = services.AddOptions<T>().Configure<BindingProblems<T>>((options, binding) => Bind(configuration.GetSection(section), options, binding));
        if (validate)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, OptionsValidation<T>>());
            builder.ValidateOnStart();
        }

        return builder;
    }

    /// <summary>
    /// The bound value of <typeparamref name="T"/> for deciding which services exist, before the container is built; a
    /// value that cannot be bound leaves the default here and is reported by the start-up check.
    /// </summary>
    public static T Peek<T>(this IConfiguration configuration, string section)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        try
        {
            return configuration.GetSection(section).Get<T>() ?? new T();
        }
        catch (InvalidOperationException)
        {
            return new T();
        }
    }

    /// <summary>The checked value of <typeparamref name="T"/>.</summary>
    public static T Options<T>(this IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;

    // The binder stops at the first value it cannot convert and names its key; that becomes one problem of the section.
    private static void Bind<T>(IConfigurationSection section, T options, BindingProblems<T> binding)
        where T : class
    {
        binding.Problems.Clear();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException e)
        {
            binding.Problems.Add(e.Message);
        }
    }

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

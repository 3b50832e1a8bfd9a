namespace IndustryCopilot.Core.Settings;

/// <summary>Checks options where a component is built by hand (tests, benchmarks) as the container checks them at start.</summary>
public static class ValidatedOptions
{
    /// <summary>Throws <see cref="InvalidOptionsException"/> listing every problem of <paramref name="options"/>.</summary>
    public static void Validate(this IValidatedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Problems().ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOptionsException(problems);
        }
    }
}

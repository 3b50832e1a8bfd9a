using IndustryCopilot.Core.Settings;
using Microsoft.Extensions.Options;

namespace IndustryCopilot.Hosting.Composition;

/// <summary>Hands an options section's own problem list to the options system, so <c>ValidateOnStart</c> reports all of them.</summary>
internal sealed class OptionsValidation<T>(BindingProblems<T> binding) : IValidateOptions<T>
    where T : class, IValidatedOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = binding.Problems.Concat(options.Problems()).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

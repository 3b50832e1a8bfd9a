namespace IndustryCopilot.Hosting.Composition;

/// <summary>
/// A value of <typeparamref name="T"/>'s section that could not be bound at all ("abc" for a number, an unknown
/// provider name): kept so the start-up check reports it beside every other problem instead of the host failing on it.
/// </summary>
internal sealed class BindingProblems<T>
{
    public List<string> Problems { get; } = [];
}

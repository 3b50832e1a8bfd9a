namespace IndustryCopilot.Core.Settings;

/// <summary>The configuration holds values the product cannot run with; <see cref="Problems"/> lists every one.</summary>
public sealed class InvalidOptionsException : Exception
{
    public InvalidOptionsException(IReadOnlyList<string> problems)
        : base(Describe(problems)) => Problems = problems;

    public InvalidOptionsException(string message)
        : base(message) => Problems = [message];

    public InvalidOptionsException()
        : this("The configuration is invalid")
    {
    }

    public InvalidOptionsException(string message, Exception innerException)
        : base(message, innerException) => Problems = [message];

    public IReadOnlyList<string> Problems { get; }

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1 ? problems[0] : $"{problems.Count} configuration problems: " + string.Join("; ", problems);
}

using Microsoft.Extensions.Logging;

namespace IndustryCopilot.Cli.Commands;

/// <summary>
/// The command line's logger: warnings and errors from the libraries, one line each on standard error
/// (<c>warning: …</c>), where a person running <c>icp</c> reads them; below Warning nothing.
/// </summary>
internal sealed class StandardErrorLogger : ILogger
{
    public static readonly StandardErrorLogger Instance = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Console.Error.WriteLine($"{(logLevel == LogLevel.Warning ? "warning" : "error")}: {formatter(state, exception)}");
        }
    }
}

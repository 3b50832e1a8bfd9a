namespace IndustryCopilot.Cli.Commands;

/// <summary>Reports on the caller's thread: <see cref="Progress{T}"/> posts to the thread pool, and console output wants updates in order as they happen.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

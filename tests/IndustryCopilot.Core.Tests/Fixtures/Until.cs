namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>
/// How tests wait for concurrent work: on a signal the code under test raises (a state-changed event, a request that
/// arrived, a line a process printed), never on elapsed time. The only clock here is <see cref="HangGuard"/>, which
/// turns a hang (a bug) into a failure instead of a CI run that never ends; it is far beyond anything a busy machine
/// needs, so how fast the machine is never decides a test's outcome.
/// </summary>
internal static class Until
{
    /// <summary>How long a wait may take before the test is failed as hung: 5 minutes.</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Completes once <paramref name="condition"/> holds, checking it now and each time <paramref name="subscribe"/>'s
    /// event is raised (subscription happens before the first check, so no change is missed).
    /// </summary>
    public static async Task Signalled(Func<bool> condition, Action<Action> subscribe, Action<Action> unsubscribe, string what)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (condition())
            {
                done.TrySetResult();
            }
        }

        subscribe(Check);
        try
        {
            Check();
            await Guarded(done.Task, what);
        }
        finally
        {
            unsubscribe(Check);
        }
    }

    /// <summary>Awaits <paramref name="task"/>; fails the test naming <paramref name="what"/> if it hangs past <see cref="HangGuard"/>.</summary>
    public static async Task Guarded(Task task, string what)
    {
        try
        {
            await task.WaitAsync(HangGuard);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"hung: {what} did not happen within {HangGuard.TotalMinutes:0} minutes");
        }
    }

    /// <inheritdoc cref="Guarded(Task, string)"/>
    public static async Task<T> Guarded<T>(Task<T> task, string what)
    {
        await Guarded((Task)task, what);
        return await task;
    }

    /// <summary>
    /// For what raises no signal a test can subscribe to (another process's HTTP endpoint, a browser's page): asks
    /// <paramref name="condition"/> again after each answer until it holds. The pause only spaces the questions out;
    /// the outcome depends on the answers, and only <see cref="HangGuard"/> ends the wait.
    /// </summary>
    public static async Task Answered(Func<Task<bool>> condition, string what)
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (guard.Elapsed > HangGuard)
            {
                throw new Xunit.Sdk.XunitException($"hung: {what} did not happen within {HangGuard.TotalMinutes:0} minutes");
            }

            await Task.Delay(50);
        }
    }
}

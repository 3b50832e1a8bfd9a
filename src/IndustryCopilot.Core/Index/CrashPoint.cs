using System.Globalization;

namespace IndustryCopilot.Core.Index;

/// <summary>
/// Places inside index transactions where a crash-safety test can stop the process on purpose. With the environment
/// variable <c>ICP_TEST_HOLD=name:n</c> (e.g. <c>document-before-commit:7</c>) the n-th pass through that point writes
/// <c>icp: held at name #n</c> to standard error and blocks forever, so the test kills the process exactly there —
/// mid-transaction, whatever the machine's speed. Unset (always, outside tests) a pass costs one comparison.
/// </summary>
internal static class CrashPoint
{
    private static readonly (string Name, int Count)? Hold = Parse(Environment.GetEnvironmentVariable("ICP_TEST_HOLD"));
    private static int _passes;

    public static void Pass(string name)
    {
        if (Hold is not { } hold || hold.Name != name || Interlocked.Increment(ref _passes) != hold.Count)
        {
            return;
        }

        Console.Error.WriteLine($"icp: held at {name} #{hold.Count}");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    private static (string, int)? Parse(string? value)
    {
        var colon = value?.LastIndexOf(':') ?? -1;
        return colon > 0 && int.TryParse(value![(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? (value[..colon], count)
            : null;
    }
}

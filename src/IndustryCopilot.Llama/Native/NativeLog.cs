using System.Collections.Concurrent;
using LLama.Native;

namespace IndustryCopilot.Llama.Native;

/// <summary>
/// Receives llama.cpp's log. LLamaSharp reports a failed load only as "Failed to load model"; the reason (bad magic,
/// truncated tensor data, missing key…) arrives here, so the last error lines are kept for the startup message.
/// The callback must be installed before the native library loads, hence once per process.
/// </summary>
internal static class NativeLog
{
    private const int Capacity = 200;
    private static readonly ConcurrentQueue<(long Sequence, LLamaLogLevel Level, string Text)> Lines = new();
    private static long _sequence;
    private static int _installed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            NativeLibraryConfig.All.WithLogCallback(Receive);
        }
    }

    /// <summary>A marker: lines logged after it are returned by <see cref="ErrorsSince"/>.</summary>
    public static long Mark() => Interlocked.Read(ref _sequence);

    public static IReadOnlyList<string> ErrorsSince(long mark) =>
        [.. Lines.Where(l => l.Sequence > mark && l.Level == LLamaLogLevel.Error).Select(l => l.Text.Trim()).Where(t => t.Length > 0)];

    private static void Receive(LLamaLogLevel level, string message)
    {
        Lines.Enqueue((Interlocked.Increment(ref _sequence), level, message));
        while (Lines.Count > Capacity)
        {
            Lines.TryDequeue(out _);
        }
    }
}

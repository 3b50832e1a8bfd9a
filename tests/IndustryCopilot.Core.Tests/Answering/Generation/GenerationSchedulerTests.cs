using IndustryCopilot.Core.Answering.Generation;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Core.Tests.Answering.Generation;

public sealed class GenerationSchedulerTests
{
    // Every scheduler here runs on a fake clock: the request time limit fires only when a test advances it.
    private static GenerationScheduler Scheduler(int parallel, int queue) =>
        new(new GenerationOptions { MaxParallel = parallel, MaxQueue = queue }, new FakeTimeProvider());

    [Fact]
    public async Task EnterAsync_BeyondParallelAndQueue_BusyAtOnce()
    {
        using var scheduler = Scheduler(parallel: 2, queue: 3);
        using var running1 = await scheduler.EnterAsync(CancellationToken.None);
        using var running2 = await scheduler.EnterAsync(CancellationToken.None);

        var waiting = Enumerable.Range(0, 3).Select(_ => scheduler.EnterAsync(CancellationToken.None)).ToList();
        var busy = await scheduler.EnterAsync(CancellationToken.None);

        Assert.NotNull(running1);
        Assert.NotNull(running2);
        Assert.Null(busy);
        Assert.Equal(3, scheduler.Waiting);
        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        running1!.Dispose();
        using var admitted = await waiting[0];
        Assert.NotNull(admitted);
        Assert.Equal(2, scheduler.Running);
        running2!.Dispose();
        admitted!.Dispose();
        foreach (var w in waiting.Skip(1))
        {
            (await w)!.Dispose();
        }

        Assert.Equal(0, scheduler.Running);
    }

    [Fact]
    public async Task EnterAsync_WaiterCancelled_LeavesQueueAtOnce()
    {
        using var scheduler = Scheduler(parallel: 1, queue: 1);
        var running = await scheduler.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiter = scheduler.EnterAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        Assert.Equal(0, scheduler.Waiting);
        // Still one running: the freed queue place takes a new waiter instead of reporting busy.
        var next = scheduler.EnterAsync(CancellationToken.None);
        Assert.False(next.IsCompleted);
        Assert.Equal(1, scheduler.Waiting);
        running!.Dispose();
        using var admitted = await next;
        Assert.NotNull(admitted);
        Assert.Equal(0, scheduler.Waiting);
    }

    [Fact]
    public async Task Changed_EnterWaitLeave_RaisedForEveryChangeOfRunningOrWaiting()
    {
        using var scheduler = Scheduler(parallel: 1, queue: 1);
        var seen = new List<(int Running, int Waiting)>();
        scheduler.Changed += () => seen.Add((scheduler.Running, scheduler.Waiting));

        var running = await scheduler.EnterAsync(CancellationToken.None);
        var waiter = scheduler.EnterAsync(CancellationToken.None);
        Assert.Null(await scheduler.EnterAsync(CancellationToken.None));
        running!.Dispose();
        (await waiter)!.Dispose();

        Assert.Equal([(1, 0), (1, 1), (0, 1), (0, 0), (1, 0), (0, 0)], seen);
    }

    [Fact]
    public async Task EnterAsync_RequestTimeWhileWaiting_TimeoutException()
    {
        var time = new FakeTimeProvider();
        using var scheduler = new GenerationScheduler(new GenerationOptions { MaxParallel = 1, MaxQueue = 1, RequestTimeoutSeconds = 10 }, time);
        using var running = await scheduler.EnterAsync(CancellationToken.None);
        var waiter = scheduler.EnterAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromSeconds(11));

        await Assert.ThrowsAsync<TimeoutException>(() => waiter);
        Assert.True(running!.TimedOut);
        Assert.True(running.Token.IsCancellationRequested);
    }

    [Fact]
    public async Task Dispose_Twice_ReleasesOneSlot()
    {
        using var scheduler = Scheduler(parallel: 1, queue: 0);
        var lease = await scheduler.EnterAsync(CancellationToken.None);

        lease!.Dispose();
        lease.Dispose();

        using var first = await scheduler.EnterAsync(CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await scheduler.EnterAsync(CancellationToken.None));
    }
}

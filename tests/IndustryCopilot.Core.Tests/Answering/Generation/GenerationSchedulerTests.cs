using IndustryCopilot.Core.Answering.Generation;
using Microsoft.Extensions.Time.Testing;

namespace IndustryCopilot.Core.Tests.Answering.Generation;

public sealed class GenerationSchedulerTests
{
    [Fact]
    public async Task EnterAsync_BeyondParallelAndQueue_BusyAtOnce()
    {
        using var scheduler = new GenerationScheduler(new GenerationOptions { MaxParallel = 2, MaxQueue = 3 });
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
        using var admitted = await waiting[0].WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(admitted);
        Assert.Equal(2, scheduler.Running);
        running2!.Dispose();
        admitted!.Dispose();
        foreach (var w in waiting.Skip(1))
        {
            (await w.WaitAsync(TimeSpan.FromSeconds(5)))!.Dispose();
        }

        Assert.Equal(0, scheduler.Running);
    }

    [Fact]
    public async Task EnterAsync_WaiterCancelled_LeavesQueueAtOnce()
    {
        using var scheduler = new GenerationScheduler(new GenerationOptions { MaxParallel = 1, MaxQueue = 1 });
        using var running = await scheduler.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiter = scheduler.EnterAsync(cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiter);
        Assert.Equal(0, scheduler.Waiting);
        using var next = await Task.Run(() => scheduler.EnterAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMilliseconds(50)))
            .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
        Assert.Null(next); // still one running; the freed queue place takes a new waiter instead of reporting busy
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
        using var scheduler = new GenerationScheduler(new GenerationOptions { MaxParallel = 1, MaxQueue = 0 });
        var lease = await scheduler.EnterAsync(CancellationToken.None);

        lease!.Dispose();
        lease.Dispose();

        using var first = await scheduler.EnterAsync(CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await scheduler.EnterAsync(CancellationToken.None));
    }
}

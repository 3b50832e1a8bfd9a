using Grpc.Core;
using Polly;
using Polly.Retry;

namespace IndustryCopilot.Qdrant;

/// <summary>
/// Retries for requests that failed for a reason that passes: the node restarting or unreachable for a moment, a
/// deadline, back-pressure, an aborted write. Anything else (bad request, not found, wrong key) fails at once.
/// </summary>
public static class QdrantResilience
{
    public static bool IsTransient(RpcException e) =>
        e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted;

    public static ResiliencePipeline Create(QdrantOptions options, TimeProvider? time = null)
    {
        var builder = new ResiliencePipelineBuilder();
        if (time is not null)
        {
            builder.TimeProvider = time;
        }

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(IsTransient),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
            });
        }

        return builder.Build();
    }
}

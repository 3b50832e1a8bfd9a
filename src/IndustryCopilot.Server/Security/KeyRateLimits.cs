using System.Globalization;
using System.Threading.RateLimiting;
using IndustryCopilot.Server.Composition;

namespace IndustryCopilot.Server.Security;

/// <summary>
/// Requests per minute per API key (<c>Server:RequestsPerMinute</c>), so one runaway MES script cannot starve the
/// plant's engineers; callers without a key share one budget. Beyond it: 429 ProblemDetails with Retry-After.
/// </summary>
internal static class KeyRateLimits
{
    public const string Policy = "per-key";

    public static IServiceCollection AddKeyRateLimits(this IServiceCollection services, ServerOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.FindFirst(Caller.KeyIdClaim)?.Value ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await TypedResults.Problem(title: "Too many requests for this key", detail: $"At most {options.RequestsPerMinute} requests per minute (Server:RequestsPerMinute).", statusCode: StatusCodes.Status429TooManyRequests)
                    .ExecuteAsync(context.HttpContext);
            };
        });
}

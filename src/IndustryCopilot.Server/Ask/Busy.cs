using System.Globalization;
using IndustryCopilot.Core.Answering.Generation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Ask;

/// <summary>The model's queue is full: 429 with Retry-After in whole seconds, as every answering endpoint reports it.</summary>
internal static class Busy
{
    public static ProblemHttpResult Problem(HttpContext http, AnswerBusy busy)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(busy.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "The model is busy", detail: "Too many questions are waiting for the model; ask again after Retry-After seconds.", statusCode: StatusCodes.Status429TooManyRequests);
    }
}

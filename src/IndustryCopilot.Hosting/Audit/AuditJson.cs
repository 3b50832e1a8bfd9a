using System.Text.Json;
using System.Text.Json.Serialization;

namespace IndustryCopilot.Hosting.Audit;

/// <summary>How every audit store writes an entry (the same JSON in either database) and checks a rating.</summary>
internal static class AuditJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };

    /// <summary>The answer mode as the <c>mode</c> column holds it (<c>quote</c>, <c>generated</c>, …).</summary>
    public static string Mode(Core.Answering.AnswerMode mode) => JsonNamingPolicy.CamelCase.ConvertName(mode.ToString());

    public static void CheckRating(AnswerFeedback feedback)
    {
        if (feedback.Rating is not (1 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(feedback), "rating must be +1 or -1");
        }
    }
}

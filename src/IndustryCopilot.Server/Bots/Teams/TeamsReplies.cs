using System.Text.Json;
using IndustryCopilot.Core.Answering;

namespace IndustryCopilot.Server.Bots.Teams;

/// <summary>The activities the bot sends: typing, and the answer as text plus an Adaptive Card listing the sources.</summary>
internal static class TeamsReplies
{
    public static Activity Typing(Activity incoming) => Reply(incoming, "typing", null);

    public static Activity Message(Activity incoming, string text, Answer? answer)
    {
        var reply = Reply(incoming, "message", text) with { TextFormat = "markdown" };
        return answer is { Citations.Count: > 0 } ? reply with { Attachments = [Sources(answer)] } : reply;
    }

    private static Activity Reply(Activity incoming, string type, string? text) => new()
    {
        Type = type,
        From = incoming.Recipient,
        Recipient = incoming.From,
        Conversation = incoming.Conversation,
        ReplyToId = incoming.Id,
        Text = text,
        Locale = incoming.Locale,
    };

    // Adaptive Card 1.4 (what Teams renders): a heading and one wrapped line per citation.
    private static Attachment Sources(Answer answer)
    {
        var chinese = answer.Language is Core.Documents.DocumentLanguage.Zh or Core.Documents.DocumentLanguage.Mixed;
        var body = new List<object> { new { type = "TextBlock", text = chinese ? "来源" : "Sources", weight = "Bolder", size = "Medium" } };
        body.AddRange(answer.Citations.Select(c => new { type = "TextBlock", text = CitationFormat.Line(c), wrap = true, spacing = "Small" }));
        var card = new Dictionary<string, object>
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["body"] = body,
        };
        return new Attachment("application/vnd.microsoft.card.adaptive", JsonSerializer.SerializeToElement(card));
    }
}

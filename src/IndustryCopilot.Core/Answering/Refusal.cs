using System.Text;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Answering;

/// <summary>The answer given when the documents do not answer: says so in the question's language and names the closest documents.</summary>
public static class Refusal
{
    /// <summary>At most this many related questions are offered.</summary>
    public const int MaxRelated = 3;

    public static Answer For(string question, DocumentLanguage language, IReadOnlyList<RetrievedChunk> hits, double support, double answerability = 0)
    {
        var zh = language is DocumentLanguage.Zh or DocumentLanguage.Mixed;
        var suggestions = hits.GroupBy(h => h.Document.Id).Take(3)
            .Select(g => new DocumentSuggestion(g.Key, g.First().Document.Title, g.First().Document.DocumentNumber, g.First().Chunk.SectionPath)).ToList();
        var text = new StringBuilder(zh ? "知识库中未找到依据回答这个问题。" : "The indexed documents do not answer this question, so no answer is given.");
        if (suggestions.Count > 0)
        {
            text.Append(zh ? "\n可查阅：" : "\nYou may check:");
            foreach (var s in suggestions)
            {
                text.Append("\n- ").Append(s.Title).Append(string.IsNullOrEmpty(s.SectionPath) ? "" : " — " + s.SectionPath);
            }
        }

        // Questions the nearest passages do answer, so "not found" is not a dead end.
        var related = Examples.ExampleQuestions.From(hits.Select(h => (h.Chunk, h.Document)), zh, MaxRelated);
        return new Answer
        {
            Question = question, Text = text.ToString(), Mode = AnswerMode.Refused, Outcome = AnswerOutcome.NotFound, Language = language,
            Suggestions = suggestions, Related = related, Support = support, Answerability = answerability,
        };
    }
}

using LLama.Abstractions;
using LLama.Common;

namespace IndustryCopilot.Llama;

/// <summary>Applies the model's own chat template and hands the exact prompt text to an observer (tests, <c>--show-prompt</c>).</summary>
internal sealed class ObservingHistoryTransform(IHistoryTransform inner, Action<string>? observer) : IHistoryTransform
{
    public string HistoryToText(ChatHistory history)
    {
        var text = inner.HistoryToText(history);
        observer?.Invoke(text);
        return text;
    }

    public ChatHistory TextToHistory(AuthorRole role, string text) => inner.TextToHistory(role, text);

    public IHistoryTransform Clone() => new ObservingHistoryTransform(inner.Clone(), observer);
}

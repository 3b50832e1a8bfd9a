using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.Core.Retrieval.Translation;

/// <summary>A question rendered in the other language of the catalog, word by word (and by the model, when one is configured).</summary>
public sealed record QueryTranslation(DocumentLanguage From, DocumentLanguage To, IReadOnlyList<TranslatedTerm> Terms)
{
    /// <summary>The model's translation of the whole question, when a model gave one.</summary>
    public string? ModelText { get; init; }

    /// <summary>The structured query of the translated lane: one group per translated word, each rendering all-of its grams.</summary>
    public IReadOnlyList<TermGroup> Groups() =>
        Terms.Where(t => t.Renderings.Any(r => r.Grams.Count > 0))
            .Select(t => new TermGroup(t.Renderings.Where(r => r.Grams.Count > 0).Select(r => r.Grams).ToList(), t.Weight))
            .ToList();

    /// <summary>The question's key terms a passage holding <paramref name="passageTerms"/> covers through a translation.</summary>
    public IEnumerable<string> Covered(IReadOnlySet<string> passageTerms) =>
        Terms.Where(t => t.HeldBy(passageTerms)).SelectMany(t => t.SourceTerms);

    /// <summary>The renderings of the question's key term <paramref name="term"/> (for its weight when the index lacks the term itself).</summary>
    public IEnumerable<Rendering> RenderingsOf(string term) =>
        Terms.Where(t => t.SourceTerms.Contains(term, StringComparer.Ordinal)).SelectMany(t => t.Renderings);

    /// <summary>
    /// The document frequency a key term the catalog lacks has through its translation: that of its rarest-held
    /// rendering (a rendering is held by as many chunks as hold its rarest gram), 0 when no rendering is held.
    /// </summary>
    public long FrequencyInTranslation(string term, Func<IEnumerable<string>, Dictionary<string, long>> frequencies)
    {
        var renderings = RenderingsOf(term).Where(r => r.Grams.Count > 0).ToList();
        var grams = frequencies(renderings.SelectMany(r => r.Grams));
        return renderings.Select(r => r.Grams.Min(g => grams.GetValueOrDefault(g))).DefaultIfEmpty(0).Max();
    }

    /// <summary>One line per translated word, "换油 → oil change | change the oil (glossary)", for search output.</summary>
    public IEnumerable<string> Describe() =>
        Terms.Select(t => $"{t.Source} → {string.Join(" | ", t.Renderings.Select(r => r.Text))} ({t.Origin.ToString().ToLowerInvariant()})");
}

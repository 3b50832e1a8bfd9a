namespace IndustryCopilot.Evaluation.Verifier;

/// <summary>
/// One benchmark answer: the question asked, the stand-in model's reply (with <c>{{S:chunkId}}</c> where the number of
/// that passage in the prompt goes, <c>{{O:chunkId}}</c> for another source's), and the planted sentence that must not
/// reach the reader — or, for correct answers, that must.
/// </summary>
/// <param name="Id">Stable id (kind, language, ordinal).</param>
/// <param name="Language"><c>zh</c> or <c>en</c>.</param>
/// <param name="Kind">What is planted.</param>
/// <param name="Question">What is asked (the passage's own words, so retrieval puts it in the prompt).</param>
/// <param name="Reply">The stand-in model's reply template.</param>
/// <param name="Planted">The sentence (without markers) whose fate is measured.</param>
/// <param name="Target">The chunk the planted sentence is about.</param>
/// <param name="Document">The document it comes from (cross-validation groups by document).</param>
public sealed record VerifierCase(string Id, string Language, VerifierKind Kind, string Question, string Reply, string Planted, string Target, string Document)
{
    /// <summary>The passage the planted sentence truly comes from, when it is cited elsewhere: re-cited there, it is repaired, not shown wrongly.</summary>
    public string? Origin { get; init; }

    public bool IsCorrect => Kind is VerifierKind.Correct or VerifierKind.CorrectEquivalent or VerifierKind.CorrectMultiSource;
}

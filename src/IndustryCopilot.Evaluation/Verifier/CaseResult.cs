namespace IndustryCopilot.Evaluation.Verifier;

/// <summary>
/// What became of one case. <see cref="Caught"/> for a planted mistake (removed, repaired to the right document, or
/// the whole answer fell back to the documents' words), <see cref="Intact"/> for a correct answer (every claim shown, as
/// a generated answer); <see cref="CaughtAt"/> and <see cref="IntactAt"/> the same for each coverage threshold of the
/// offline grid; <see cref="InPrompt"/> whether the passages the reply names were in the prompt at all.
/// </summary>
public sealed record CaseResult(
    VerifierCase Case,
    bool InPrompt,
    bool Caught,
    bool Intact,
    bool NoClaim,
    bool StreamedOnlyVerified,
    bool InjectedInPrompt,
    double? FirstTokenMs,
    double? FirstVerifiedMs,
    double VerifyMs,
    IReadOnlyDictionary<double, bool> CaughtAt,
    IReadOnlyDictionary<double, bool> IntactAt);

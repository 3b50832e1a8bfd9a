using System.Text.RegularExpressions;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Answering.Answerability;

/// <summary>
/// What retrieval tells about whether the evidence answers a question: term coverage (IDF-weighted, by the best
/// passage, the top passage and the top three together), key terms the index has never seen, identifiers and named
/// documents matched, agreement of the lanes on the top passage, the fused-score gap, dense similarity (where the
/// language has an embedding model) and whether a "how many / 多少" question meets a passage without numbers.
/// </summary>
public sealed partial record AnswerabilitySignals
{
    /// <summary>Names of <see cref="Vector"/>'s entries, in order (the model's weights follow them).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "coverage", "top_coverage", "top3_coverage", "unseen_share", "identifiers_found", "identifiers_missing",
        "named_document_top", "identifier_lane_top", "lane_agreement", "score_gap", "dense_top", "has_dense",
        "number_asked_none_found", "log_terms", "chinese", "sentence_coverage", "sentence_coverage_top",
    ];

    /// <summary>Share (0–1) of weighted key terms held by the best of the evidence passages (with document title).</summary>
    public double Coverage { get; init; }

    public double TopCoverage { get; init; }

    public double Top3Coverage { get; init; }

    /// <summary>Share (0–1) of the key-term weight on terms no indexed chunk holds.</summary>
    public double UnseenShare { get; init; }

    /// <summary>The question names codes, values or document numbers and the evidence holds every one.</summary>
    public bool IdentifiersFound { get; init; }

    /// <summary>The question names codes, values or document numbers and the evidence lacks at least one.</summary>
    public bool IdentifiersMissing { get; init; }

    /// <summary>The question names a document and the top passage belongs to it.</summary>
    public bool NamedDocumentTop { get; init; }

    /// <summary>The top passage was found by exact clause or code.</summary>
    public bool IdentifierLaneTop { get; init; }

    /// <summary>Share (0–1) of the lanes run that rank the top passage in their own top 3.</summary>
    public double LaneAgreement { get; init; }

    /// <summary>(score₁ − score₂) / score₁ of the fused ranking, 0–1.</summary>
    public double ScoreGap { get; init; }

    /// <summary>Cosine similarity of the best dense hit among the evidence; 0 when the dense lane did not run.</summary>
    public double DenseTop { get; init; }

    public bool HasDense { get; init; }

    /// <summary>The question asks for a quantity (多少, 几, how many, how much…) and the best passage holds no digit or numeral.</summary>
    public bool NumberAskedNoneFound { get; init; }

    public int TermCount { get; init; }

    public bool Chinese { get; init; }

    /// <summary>Largest share (0–1) of weighted key terms one sentence or table row of the top three passages holds (document title terms count as held).</summary>
    public double SentenceCoverage { get; init; }

    /// <summary>The same within the top passage only.</summary>
    public double SentenceCoverageTop { get; init; }

    /// <summary>The best-covering passage, null when there is no evidence.</summary>
    public RetrievedChunk? Best { get; init; }

    public double[] Vector() =>
    [
        Coverage, TopCoverage, Top3Coverage, UnseenShare, IdentifiersFound ? 1 : 0, IdentifiersMissing ? 1 : 0,
        NamedDocumentTop ? 1 : 0, IdentifierLaneTop ? 1 : 0, LaneAgreement, ScoreGap, DenseTop, HasDense ? 1 : 0,
        NumberAskedNoneFound ? 1 : 0, Math.Log(1 + TermCount), Chinese ? 1 : 0, SentenceCoverage, SentenceCoverageTop,
    ];

    /// <summary>The signals of <paramref name="hits"/> (best first) for <paramref name="query"/>.</summary>
    /// <param name="query">The analysed question.</param>
    /// <param name="hits">The evidence, best first.</param>
    /// <param name="weights">IDF weight of each key term (see <see cref="EvidenceJudge.Weights"/>).</param>
    /// <param name="unseen">Key terms no indexed chunk holds.</param>
    /// <param name="lanesRun">The lanes the search ran.</param>
    public static AnswerabilitySignals Of(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> hits, IReadOnlyDictionary<string, double> weights, IReadOnlySet<string> unseen, IReadOnlyList<SearchLane> lanesRun) =>
        Of(query, hits, weights, unseen, lanesRun, new PassageUnits(query.Translation));

    // Segmenting passages is the costly part of judging, so each passage's terms and units are computed once here
    // (units kept in units for the composition that follows).
    internal static AnswerabilitySignals Of(AnalyzedQuery query, IReadOnlyList<RetrievedChunk> hits, IReadOnlyDictionary<string, double> weights, IReadOnlySet<string> unseen, IReadOnlyList<SearchLane> lanesRun, PassageUnits units)
    {
        var terms = hits.Select(h => EvidenceJudge.TermsOf(h, query)).ToList();
        var (coverage, best, identifiersFound) = EvidenceJudge.Judge(query, hits, terms, weights);
        var total = weights.Values.Sum();
        var top3 = new HashSet<string>(StringComparer.Ordinal);
        foreach (var set in terms.Take(3))
        {
            top3.UnionWith(set);
        }

        var top = hits.Count > 0 ? hits[0] : null;
        var dense = hits.Select(h => h.Lanes.TryGetValue(SearchLane.Dense, out var d) ? d.Score : (double?)null).Where(s => s is not null).DefaultIfEmpty(null).Max();
        var lanes = lanesRun.Where(l => l is not (SearchLane.NamedDocument or SearchLane.Parts or SearchLane.Penalty)).ToList();
        var hasIdentifiers = query.Identifiers.Any(i => i.Kind != IdentifierKind.Clause);
        var sentences = hits.Take(3).Select((h, rank) => SentenceCoverageOf(units.Of(h, rank), h, weights, query)).ToList();
        return new AnswerabilitySignals
        {
            Coverage = coverage,
            TopCoverage = top is null ? 0 : EvidenceJudge.StemmedCoverage(weights, terms[0]),
            Top3Coverage = EvidenceJudge.StemmedCoverage(weights, top3),
            UnseenShare = total <= 0 ? 0 : weights.Where(w => unseen.Contains(w.Key)).Sum(w => w.Value) / total,
            IdentifiersFound = hasIdentifiers && identifiersFound,
            IdentifiersMissing = hasIdentifiers && !identifiersFound,
            NamedDocumentTop = top is not null && query.Mentions.Any(m => m.DocumentId == top.Document.Id),
            IdentifierLaneTop = top is not null && top.Lanes.ContainsKey(SearchLane.Identifier),
            LaneAgreement = top is null || lanes.Count == 0 ? 0 : lanes.Count(l => top.Lanes.TryGetValue(l, out var r) && r.Rank <= 3) / (double)lanes.Count,
            ScoreGap = hits.Count switch { 0 => 0, 1 => 1, _ => hits[0].Score <= 0 ? 0 : Math.Clamp((hits[0].Score - hits[1].Score) / hits[0].Score, 0, 1) },
            DenseTop = dense ?? 0,
            HasDense = dense is not null,
            NumberAskedNoneFound = AsksNumber().IsMatch(query.Text) && best is not null && !HasNumber().IsMatch(best.Chunk.Text),
            TermCount = weights.Count,
            Chinese = query.Language is DocumentLanguage.Zh or DocumentLanguage.Mixed,
            SentenceCoverage = sentences.DefaultIfEmpty(0).Max(),
            SentenceCoverageTop = sentences.DefaultIfEmpty(0).First(),
            Best = best,
        };
    }

    // A sentence answers with its document: the terms of the title and number count as held by every sentence.
    private static double SentenceCoverageOf(List<QuoteUnit> units, RetrievedChunk hit, IReadOnlyDictionary<string, double> weights, AnalyzedQuery query)
    {
        var title = EvidenceJudge.WithStems(LexicalAnalyzer.Terms($"{hit.Document.Title} {hit.Document.DocumentNumber}"));
        return units
            .Select(u => new HashSet<string>(u.Terms.Concat(title), StringComparer.Ordinal))
            .Select(terms => EvidenceJudge.StemmedCoverage(weights, query.Translation is { } t ? EvidenceJudge.WithTranslation(terms, t) : terms))
            .DefaultIfEmpty(0).Max();
    }

    [GeneratedRegex(@"多少|几[个项条天年月次人种类名]|多[长久大高重远]|how (many|much|long|often|far|high|large)|what (percentage|number)", RegexOptions.IgnoreCase)]
    private static partial Regex AsksNumber();

    [GeneratedRegex(@"[0-9０-９一二三四五六七八九十百千万两半]")]
    private static partial Regex HasNumber();
}

using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Retrieval.Fusion;

/// <summary>
/// One search's lanes fused into one ranking: held passages left out, the question's own-language lanes kept to its
/// language when the translated lane speaks for the other, that lane weighted against them, and its extra weight taken
/// back from other-language passages that say less of the question (<see cref="LanguageBalance"/>).
/// </summary>
internal sealed class LaneFusion(SqliteIndex index, RetrievalOptions options)
{
    /// <summary>
    /// The fused ranking, best first. Narrows <paramref name="lanes"/> in place (a lane left with nothing is removed),
    /// so the lane ranks a hit shows are those it was fused with; <paramref name="lap"/> times the balance stage.
    /// </summary>
    public List<(long RowId, double Score)> Fuse(Dictionary<SearchLane, IReadOnlyList<ChunkScore>> lanes, AnalyzedQuery query, Dictionary<string, DocumentInfo> documents, Action<string> lap)
    {
        // Passages that address an assistant are data nobody has reviewed: they take no place in any answer, quote,
        // suggestion or closest-passages list until an admin releases their document.
        var held = index.HeldRows();
        var translated = query.Translation is { } translation && lanes.ContainsKey(SearchLane.Translated) ? translation : null;
        if (translated is not null)
        {
            KeepOwnLanguage(lanes, translated.To, documents);
        }

        var weight = Weights(lanes);
        var fused = ReciprocalRankFusion.Fuse(lanes, weight, options.RrfK).Where(f => !held.Contains(f.RowId)).ToList();
        if (translated is not null && options.BalanceLanguages)
        {
            fused = Balance(fused, lanes, weight, query, translated);
            lap("balance");
        }

        return fused;
    }

    /// <summary>The language of the document holding <paramref name="row"/>; unknown for a row the catalog no longer holds.</summary>
    public DocumentLanguage LanguageOf(long row, Dictionary<string, DocumentInfo> documents)
    {
        var id = index.ChunkRows().IdOf(row);
        var hash = id?.LastIndexOf('#') ?? -1;
        return hash > 0 && documents.TryGetValue(id![..hash], out var document) ? document.Language : DocumentLanguage.Unknown;
    }

    /// <summary>A mixed document speaks both languages; one without letters (an unread scan) neither.</summary>
    public static bool Speaks(DocumentLanguage document, DocumentLanguage language) =>
        document == language || document == DocumentLanguage.Mixed;

    // In a document of the other language the question's own words can only have met its Latin words and codes, which
    // the translated lane searches too (kept as written) and the identifier lane matches exactly: counted again by
    // every own-language lane, "OSHA" outvoted the words that say what the question asks.
    private void KeepOwnLanguage(Dictionary<SearchLane, IReadOnlyList<ChunkScore>> lanes, DocumentLanguage other, Dictionary<string, DocumentInfo> documents)
    {
        foreach (var lane in lanes.Keys.Where(l => l is SearchLane.Lexical or SearchLane.ChineseBm25 or SearchLane.Parts or SearchLane.Penalty or SearchLane.NamedDocument).ToList())
        {
            var own = lanes[lane].Where(h => LanguageOf(h.RowId, documents) != other).ToList();
            if (own.Count > 0)
            {
                lanes[lane] = own;
            }
            else
            {
                lanes.Remove(lane);
            }
        }
    }

    // Every lane of the question's language votes for its passages and one lane speaks for the other language:
    // weighted as many times as the question's language has lanes, the other language's best passage is not outvoted
    // by weaker ones in the question's own (docs/evaluation.md, Across languages). The identifier lane matches codes in
    // either language, so it is nobody's voice here.
    private Func<SearchLane, double> Weights(Dictionary<SearchLane, IReadOnlyList<ChunkScore>> lanes)
    {
        if (!lanes.ContainsKey(SearchLane.Translated) || !options.BalanceLanguages)
        {
            return options.Weight;
        }

        var ownLanes = Math.Max(1, lanes.Keys.Count(l => l is not (SearchLane.Translated or SearchLane.Identifier or SearchLane.NamedDocument or SearchLane.Parts or SearchLane.Penalty)));
        return lane => lane == SearchLane.Translated ? options.Weight(lane) * ownLanes : options.Weight(lane);
    }

    // The extra weight stays only with other-language passages that say as much of the question as the best
    // own-language one near the head; the rest fall back to one lane's weight. A passage rests on the extra weight when
    // no lane of the question's language found it (a mixed document may be found by both).
    private List<(long RowId, double Score)> Balance(List<(long RowId, double Score)> fused, Dictionary<SearchLane, IReadOnlyList<ChunkScore>> lanes, Func<SearchLane, double> weight, AnalyzedQuery query, Translation.QueryTranslation spoken)
    {
        var ownFound = lanes.Where(l => l.Key is not (SearchLane.Translated or SearchLane.Identifier)).SelectMany(l => l.Value).Select(h => h.RowId).ToHashSet();
        var weaker = LanguageBalance.Weaker(index, fused.Take(LanguageBalance.Head).Select(f => f.RowId).ToList(), row => !ownFound.Contains(row), query.Terms, spoken);
        if (weaker.Count == 0)
        {
            return fused;
        }

        var extra = weight(SearchLane.Translated) - options.Weight(SearchLane.Translated);
        var rank = lanes[SearchLane.Translated].Select((h, i) => (h.RowId, Rank: i + 1)).ToDictionary(p => p.RowId, p => p.Rank);
        return [.. fused.Select(f => weaker.Contains(f.RowId) ? (f.RowId, Score: f.Score - (extra / (options.RrfK + rank[f.RowId]))) : f).OrderByDescending(f => f.Score)];
    }
}

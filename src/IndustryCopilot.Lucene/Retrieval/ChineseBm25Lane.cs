using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Retrieval.Lanes;
using IndustryCopilot.Core.Retrieval.Query;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace IndustryCopilot.Lucene.Retrieval;

/// <summary>
/// Lucene.Net BM25 for Chinese questions: every chunk (with its document title) on a SmartChineseAnalyzer field (HMM
/// word segmentation) and a CJK-bigram field, queried together. Bigrams meet paraphrases that share two-character
/// runs but no jieba word; the two segmenters disagree in different places. Held in memory; when the catalog changes,
/// only the documents whose chunks or title changed are re-read (<see cref="LuceneMirror"/>). The caller's allowed
/// documents filter inside the query.
/// </summary>
public sealed class ChineseBm25Lane(SqliteIndex index) : IRankingLane, IDisposable
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The chunk id as a sortable field, second key after the score.</summary>
    internal const string TieField = "key";

    private static readonly Sort ByScoreThenChunk = new(SortField.FIELD_SCORE, new SortField(TieField, SortFieldType.STRING));

    // Analyzers are thread-safe (token streams are reused per thread) and cost dictionary loading to build: one per process.
    internal static readonly PerFieldAnalyzerWrapper Analyzer = new(new StandardAnalyzer(Version), new Dictionary<string, Analyzer>
    {
        ["smart"] = new SmartChineseAnalyzer(Version),
        ["cjk"] = new CJKAnalyzer(Version),
    });

    private readonly LuceneMirror _mirror = new(index);

    public SearchLane Lane => SearchLane.ChineseBm25;

    /// <summary>Documents read by the last catalog change (all of them on the first search), for tests and benchmarks.</summary>
    public int LastSyncDocuments => _mirror.LastSyncDocuments;

    /// <summary>Documents dropped by the last catalog change (removed, or changed and read again).</summary>
    public int LastSyncRemoved => _mirror.LastSyncRemoved;

    public void Dispose() => _mirror.Dispose();

    public bool Applies(AnalyzedQuery query) => query.Language is DocumentLanguage.Zh or DocumentLanguage.Mixed;

    public IReadOnlyList<ChunkScore> Search(AnalyzedQuery query, IReadOnlySet<string> allowedDocuments, int k)
    {
        if (allowedDocuments.Count == 0)
        {
            return [];
        }

        // Built as the Lucene baseline builds it: a term the question repeats counts again (query term frequency).
        var boolean = new BooleanQuery();
        foreach (var field in new[] { "smart", "cjk" })
        {
            foreach (var token in LuceneTokens.Of(Analyzer, field, query.Text))
            {
                boolean.Add(new TermQuery(new Term(field, token)), Occur.SHOULD);
            }
        }

        if (boolean.Clauses.Count == 0)
        {
            return [];
        }

        return _mirror.Search((searcher, rows, documents) =>
        {
            if (documents == 0)
            {
                return (IReadOnlyList<ChunkScore>)[];
            }

            // Filtered inside the search, so a restricted caller gets the best k of its documents, not a share of a global k.
            var filter = allowedDocuments.Count >= documents ? null : new FieldCacheTermsFilter("doc", [.. allowedDocuments]);
            // Equal scores in chunk-id order: every replica (and a restart) ranks ties alike, whatever order the
            // documents were added to this mirror in.
            return searcher.Search(boolean, filter, k, ByScoreThenChunk, doDocScores: true, doMaxScore: false).ScoreDocs.Select(d => new ChunkScore(rows.Get(d.Doc), d.Score)).ToList();
        });
    }
}

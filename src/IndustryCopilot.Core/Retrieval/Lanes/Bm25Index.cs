using System.Buffers;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.Core.Retrieval.Lanes;

/// <summary>
/// BM25 (k1 1.2, b 0.75) over two fields — word terms and grams — with postings held in memory, scored term at a
/// time into one accumulator per chunk. At 100k chunks this is a few milliseconds where FTS5's per-row bm25() costs
/// tens to hundreds; the SQLite index stays the source of truth and this is rebuilt from it when it changes.
/// Documents outside the caller's filter are skipped while scoring, so the top k is the top k of what may be seen.
/// </summary>
public sealed class Bm25Index
{
    private const float K1 = 1.2f;
    private const float B = 0.75f;
    private readonly Field _terms;
    private readonly Field _grams;
    private readonly long[] _rowIds;
    private readonly int[] _rowDocument;
    private readonly string[] _documents;

    private Bm25Index(Field terms, Field grams, long[] rowIds, int[] rowDocument, string[] documents)
    {
        _terms = terms;
        _grams = grams;
        _rowIds = rowIds;
        _rowDocument = rowDocument;
        _documents = documents;
    }

    public int Count => _rowIds.Length;

    public static Bm25Index Load(SqliteIndex index)
    {
        var rowIds = new List<long>();
        var rowDocument = new List<int>();
        var documents = new List<string>();
        var documentIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new FieldBuilder();
        var grams = new FieldBuilder();
        foreach (var (rowId, documentId, termText, gramText) in index.ReadLexicalRows())
        {
            if (!documentIndex.TryGetValue(documentId, out var d))
            {
                documentIndex[documentId] = d = documents.Count;
                documents.Add(documentId);
            }

            var row = rowIds.Count;
            rowIds.Add(rowId);
            rowDocument.Add(d);
            terms.Add(row, termText);
            grams.Add(row, gramText);
        }

        return new Bm25Index(terms.Build(rowIds.Count), grams.Build(rowIds.Count), [.. rowIds], [.. rowDocument], [.. documents]);
    }

    public IReadOnlyList<ChunkScore> Search(IReadOnlyList<string> terms, IReadOnlyList<string> grams, float gramWeight, IReadOnlySet<string>? allowedDocuments, int k)
    {
        if (k <= 0 || Count == 0)
        {
            return [];
        }

        // Pooled: a fresh 100k-entry accumulator per query would land on the large-object heap and bring on full
        // garbage collections, which must walk the postings and show up as latency spikes.
        var scores = ArrayPool<float>.Shared.Rent(Count);
        var touched = ArrayPool<int>.Shared.Rent(Count);
        try
        {
            Array.Clear(scores, 0, Count);
            var touchedCount = _terms.Accumulate(terms, 1f, scores, touched, 0);
            touchedCount = _grams.Accumulate(grams, gramWeight, scores, touched, touchedCount);
            return Top(scores, touched.AsSpan(0, touchedCount), allowedDocuments, k);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(touched);
        }
    }

    /// <summary>
    /// BM25 of a structured query over the gram field (the translated lane): each group scores once, with the summed
    /// frequency of the renderings a chunk holds and the document frequency of their union (Pirkola's structured
    /// query), so a word with ten dictionary senses counts no more than a word with one.
    /// </summary>
    public IReadOnlyList<ChunkScore> SearchGroups(IReadOnlyList<TermGroup> groups, IReadOnlySet<string>? allowedDocuments, int k)
    {
        if (k <= 0 || Count == 0 || groups.Count == 0)
        {
            return [];
        }

        var scores = ArrayPool<float>.Shared.Rent(Count);
        var touched = ArrayPool<int>.Shared.Rent(Count);
        try
        {
            Array.Clear(scores, 0, Count);
            var touchedCount = 0;
            foreach (var group in groups)
            {
                touchedCount = _grams.AccumulateGroup(group, scores, touched, touchedCount);
            }

            return Top(scores, touched.AsSpan(0, touchedCount), allowedDocuments, k);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
            ArrayPool<int>.Shared.Return(touched);
        }
    }

    private ChunkScore[] Top(float[] scores, ReadOnlySpan<int> touched, IReadOnlySet<string>? allowedDocuments, int k)
    {
        bool[]? allowed = null;
        if (allowedDocuments is not null)
        {
            allowed = new bool[_documents.Length];
            for (var d = 0; d < _documents.Length; d++)
            {
                allowed[d] = allowedDocuments.Contains(_documents[d]);
            }
        }

        var top = new TopK(k);
        foreach (var row in touched)
        {
            var score = scores[row];
            if (score <= 0 || (allowed is not null && !allowed[_rowDocument[row]]))
            {
                continue;
            }
            top.Offer(row, score);
        }

        return top.Drain(_rowIds);
    }

    private sealed class Field(Dictionary<string, (int[] Rows, ushort[] Frequencies)> postings, ushort[] lengths, float averageLength)
    {
        /// <summary>Adds the field's BM25 to <paramref name="scores"/>; rows scored for the first time are appended to <paramref name="touched"/>.</summary>
        public int Accumulate(IReadOnlyList<string> query, float weight, float[] scores, int[] touched, int touchedCount)
        {
            var n = lengths.Length;
            foreach (var term in query.Distinct(StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    continue;
                }

                var df = list.Rows.Length;
                var idf = weight * (float)Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
                for (var i = 0; i < list.Rows.Length; i++)
                {
                    var row = list.Rows[i];
                    float tf = list.Frequencies[i];
                    var norm = K1 * (1 - B + (B * lengths[row] / averageLength));
                    if (scores[row] == 0)
                    {
                        touched[touchedCount++] = row;
                    }

                    scores[row] += idf * tf * (K1 + 1) / (tf + norm);
                }
            }

            return touchedCount;
        }

        /// <summary>
        /// Adds one structured-query group's BM25. A rendering of several grams ("oil change interval") counts in a
        /// chunk by the mean frequency of its grams there, so a chunk holding two of its three words gets two thirds:
        /// translations are rarely worded as the document words it, and requiring every word lost most matches.
        /// </summary>
        public int AccumulateGroup(TermGroup group, float[] scores, int[] touched, int touchedCount)
        {
            var frequencies = new Dictionary<int, float>();
            foreach (var alternative in group.Alternatives)
            {
                var grams = alternative.Distinct(StringComparer.Ordinal).ToList();
                foreach (var gram in grams)
                {
                    if (!postings.TryGetValue(gram, out var list))
                    {
                        continue;
                    }

                    for (var i = 0; i < list.Rows.Length; i++)
                    {
                        frequencies[list.Rows[i]] = frequencies.GetValueOrDefault(list.Rows[i]) + ((float)list.Frequencies[i] / grams.Count);
                    }
                }
            }

            if (frequencies.Count == 0)
            {
                return touchedCount;
            }

            var n = lengths.Length;
            var df = frequencies.Count;
            var idf = (float)(group.Weight * Math.Log(1 + ((n - df + 0.5) / (df + 0.5))));
            foreach (var (row, tf) in frequencies)
            {
                var norm = K1 * (1 - B + (B * lengths[row] / averageLength));
                if (scores[row] == 0)
                {
                    touched[touchedCount++] = row;
                }

                scores[row] += idf * tf * (K1 + 1) / (tf + norm);
            }

            return touchedCount;
        }
    }

    private sealed class FieldBuilder
    {
        private readonly Dictionary<string, (List<int> Rows, List<ushort> Frequencies)> _postings = new(StringComparer.Ordinal);
        private readonly List<ushort> _lengths = [];
        private long _total;

        public void Add(int row, string text)
        {
            var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            _lengths.Add((ushort)Math.Min(tokens.Length, ushort.MaxValue));
            _total += tokens.Length;
            foreach (var group in tokens.GroupBy(t => t, StringComparer.Ordinal))
            {
                if (!_postings.TryGetValue(group.Key, out var list))
                {
                    _postings[group.Key] = list = ([], []);
                }

                list.Rows.Add(row);
                list.Frequencies.Add((ushort)Math.Min(group.Count(), ushort.MaxValue));
            }
        }

        public Field Build(int rows) => new(
            _postings.ToDictionary(p => p.Key, p => (p.Value.Rows.ToArray(), p.Value.Frequencies.ToArray()), StringComparer.Ordinal),
            [.. _lengths],
            rows == 0 ? 1 : Math.Max(1, _total / (float)rows));
    }
}

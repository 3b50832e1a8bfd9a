using System.Globalization;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Lucene.Retrieval;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace IndustryCopilot.Evaluation.Baseline;

/// <summary>
/// The strongest simple baseline, over the same chunks as the product: Lucene.Net 4.8 BM25, Chinese queried on a
/// SmartChineseAnalyzer field and a CJK-bigram field together, English on an EnglishAnalyzer (Porter-stemmed) field.
/// Each chunk is indexed with its document title and section path, as the product's lexical lane sees it.
/// </summary>
public sealed class LuceneBaseline : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly PerFieldAnalyzerWrapper _analyzer;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public LuceneBaseline(IEnumerable<(long RowId, string Title, string Text)> chunks)
    {
        _analyzer = new PerFieldAnalyzerWrapper(new StandardAnalyzer(Version), new Dictionary<string, Analyzer>
        {
            ["smart"] = new SmartChineseAnalyzer(Version),
            ["cjk"] = new CJKAnalyzer(Version),
            ["en"] = new EnglishAnalyzer(Version),
        });
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var (rowId, title, text) in chunks)
            {
                var content = title + "\n" + text;
                writer.AddDocument(
                [
                    new StringField("id", rowId.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField("smart", content, Field.Store.NO),
                    new TextField("cjk", content, Field.Store.NO),
                    new TextField("en", content, Field.Store.NO),
                ]);
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>A baseline over the current chunks of <paramref name="index"/>.</summary>
    public static LuceneBaseline Over(SqliteIndex index)
    {
        var titles = index.ListDocuments().Where(d => d.Status == Core.Documents.DocumentStatus.Current).ToDictionary(d => d.Id, d => d.Title);
        return new(index.ChunksOf(titles.Keys.ToList()).Select(c => (c.RowId, titles[c.Chunk.DocumentId], c.Chunk.SearchText)));
    }

    /// <summary>Row ids of the best <paramref name="k"/> chunks, best first.</summary>
    public IReadOnlyList<ChunkScore> Search(string question, string language, int k)
    {
        var query = new BooleanQuery();
        foreach (var field in language == "zh" ? new[] { "smart", "cjk" } : ["en"])
        {
            foreach (var token in LuceneTokens.Of(_analyzer, field, question))
            {
                query.Add(new TermQuery(new Term(field, token)), Occur.SHOULD);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        return _searcher.Search(query, k).ScoreDocs
            .Select(d => new ChunkScore(long.Parse(_searcher.Doc(d.Doc).Get("id"), CultureInfo.InvariantCulture), d.Score))
            .ToList();
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}

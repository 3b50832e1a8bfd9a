using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Tests.Fixtures;

namespace IndustryCopilot.Core.Tests.Index;

public sealed class SqliteIndexTests
{
    private static DocumentInfo Doc(string id, string? number = null) => new()
    {
        Id = id, SourcePath = "/plant/" + id, ContentHash = "h-" + id, Format = "markdown", SizeBytes = 1, Title = "Doc " + id,
        DocumentNumber = number, AccessGroups = ["public"], IndexedAt = DateTimeOffset.UnixEpoch,
    };

    private static Chunk C(string doc, int ordinal, string text) => new()
    {
        DocumentId = doc, Ordinal = ordinal, SectionPath = "S", Text = text, Hash = $"{doc}{ordinal}{text}".GetHashCode().ToString(),
    };

    [Fact]
    public void ReplaceDocument_SecondVersion_ReplacesChunksAndTerms()
    {
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });

        index.ReplaceDocument(Doc("a"), [C("a", 0, "alarm E-101 low oil"), C("a", 1, "second")], 1);
        index.ReplaceDocument(Doc("a"), [C("a", 0, "alarm E-202 high oil")], 1);

        Assert.Equal(["alarm E-202 high oil"], index.GetChunks("a").Select(c => c.Text));
        Assert.Empty(index.SearchLexical("E-101 low", 5));
        Assert.Single(index.SearchLexical("E202", 5));
        Assert.Equal(1, index.GetDocument("a")!.ChunkCount);
    }

    [Fact]
    public void RemoveDocument_Unknown_ReturnsFalse()
    {
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });

        Assert.False(index.RemoveDocument("nope"));
    }

    [Fact]
    public void SearchLexical_ClauseLabelInChineseOrArabic_FindsArticle()
    {
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });
        index.ReplaceDocument(Doc("law"), [C("law", 0, "第二十条 生产经营单位应当具备安全生产条件。"), C("law", 1, "第二十一条 主要负责人职责。")], 1);

        Assert.Equal("law#1", index.SearchLexical("第21条", 5)[0].ChunkId);
        Assert.Equal("law#1", index.SearchLexical("第二十一条", 5)[0].ChunkId);
    }

    [Fact]
    public void CheckEmbedding_AnotherModel_NeedsReembeddingAndRefusesMixedVectors()
    {
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });
        index.ReplaceDocument(Doc("a"), [C("a", 0, "text")], 1);

        Assert.Equal(EmbeddingStatus.Empty, index.CheckEmbedding("minilm", 3));
        index.StoreVectors("minilm", 3, [("a#0", [3f, 0f, 4f])]);

        Assert.Equal(EmbeddingStatus.Matches, index.CheckEmbedding("minilm", 3));
        Assert.Equal(EmbeddingStatus.NeedsReembedding, index.CheckEmbedding("bge-small-zh", 512));
        Assert.Equal(EmbeddingStatus.NeedsReembedding, index.CheckEmbedding("minilm", 4));
        Assert.Throws<InvalidOperationException>(() => index.StoreVectors("bge-small-zh", 3, [("a#0", [1f, 0f, 0f])]));
    }

    [Fact]
    public void StoreVectors_ModelIdWithQuotes_StoredAndMatched()
    {
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });
        index.ReplaceDocument(Doc("a"), [C("a", 0, "text")], 1);

        index.StoreVectors("plant's 'bge' model", 2, [("a#0", [1f, 0f])]);

        Assert.Equal(EmbeddingStatus.Matches, index.CheckEmbedding("plant's 'bge' model", 2));
    }

    [Fact]
    public void VectorBlob_Encode_NormalisesToUnitLength()
    {
        var decoded = VectorBlob.Decode(VectorBlob.Encode([3f, 0f, 4f]));

        Assert.Equal([0.6f, 0f, 0.8f], decoded);
    }

    [Fact]
    public void Open_ReopenedIndex_KeepsDocuments()
    {
        using var dir = new TempDirectory();
        using (var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path }))
        {
            index.ReplaceDocument(Doc("a", "GB/T 1804-2000"), [C("a", 0, "text")], 1);
        }

        using var reopened = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });
        Assert.Equal("GB/T 1804-2000", reopened.GetDocument("a")!.DocumentNumber);
    }

    [Fact]
    public void DocumentFrequencies_AfterReplaceAndRemove_CountChunksHoldingTheTerm()
    {
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });

        index.ReplaceDocument(Doc("a"), [C("a", 0, "pump seal leak"), C("a", 1, "pump bearing noise pump")], 1);
        index.ReplaceDocument(Doc("b"), [C("b", 0, "valve seal")], 1);
        Assert.Equal(2, index.DocumentFrequencies(["pump"])["pump"]);
        Assert.Equal(2, index.DocumentFrequencies(["seal"])["seal"]);

        index.ReplaceDocument(Doc("a"), [C("a", 0, "pump only")], 1);
        index.RemoveDocument("b");

        var df = index.DocumentFrequencies(["pump", "seal", "valve"]);
        Assert.Equal(1, df["pump"]);
        Assert.False(df.ContainsKey("seal"));
        Assert.False(df.ContainsKey("valve"));
        Assert.Equal(1, index.ChunkCount());
    }

    [Fact]
    public void Generation_EveryWrite_Changes()
    {
        using var dir = new TempDirectory();
        using var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });
        var before = index.Generation;

        index.ReplaceDocument(Doc("a"), [C("a", 0, "text")], 1);
        var afterReplace = index.Generation;
        index.StoreVectors("m", 2, [("a#0", [1f, 0f])], "a");
        var afterVectors = index.Generation;
        index.RemoveDocument("a");

        Assert.True(before < afterReplace && afterReplace < afterVectors && afterVectors < index.Generation);
    }

    [Fact]
    public void Open_IndexOfSchemaVersion1_UpgradedAndDocumentsMarkedForReindexing()
    {
        using var dir = new TempDirectory();
        IndexWithOneDocumentThen(dir, "UPDATE meta SET value = '1' WHERE key = 'schema_version'; ALTER TABLE documents DROP COLUMN embedding_model; ALTER TABLE chunks DROP COLUMN ocr_confidence; ALTER TABLE chunks DROP COLUMN table_label; ALTER TABLE chunks DROP COLUMN row_first; ALTER TABLE chunks DROP COLUMN row_last; ALTER TABLE documents DROP COLUMN aliases;");

        using var reopened = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });

        Assert.Equal(0, reopened.FindBySource("/plant/a")!.PipelineVersion);
        Assert.Null(reopened.FindBySource("/plant/a")!.EmbeddingModel);
    }

    [Fact]
    public void Open_Version5WithoutTableColumns_ColumnsAddedAndChunksReadable()
    {
        using var dir = new TempDirectory();
        IndexWithOneDocumentThen(dir, "UPDATE meta SET value = '5' WHERE key = 'schema_version'; ALTER TABLE documents DROP COLUMN aliases; ALTER TABLE chunks DROP COLUMN table_label; ALTER TABLE chunks DROP COLUMN row_first; ALTER TABLE chunks DROP COLUMN row_last;");

        using var reopened = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });

        Assert.Equal("pump", Assert.Single(reopened.GetChunks("a")).Text);
    }

    [Fact]
    public void Open_Version5Index_AliasesColumnAddedWithoutReindexingAndStored()
    {
        using var dir = new TempDirectory();
        IndexWithOneDocumentThen(dir, "UPDATE meta SET value = '5' WHERE key = 'schema_version'; ALTER TABLE documents DROP COLUMN aliases;");

        using var reopened = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });
        var kept = reopened.FindBySource("/plant/a")!;
        reopened.ReplaceDocument(Doc("b") with { SourcePath = "/plant/b", Aliases = ["环保法", "EPL"] }, [C("b", 0, "water")], 7);

        Assert.Equal(7, kept.PipelineVersion);
        Assert.Empty(reopened.GetDocument("a")!.Aliases);
        Assert.Equal(["环保法", "EPL"], reopened.GetDocument("b")!.Aliases);
        using var again = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path });
        Assert.Equal(["环保法", "EPL"], again.GetDocument("b")!.Aliases);
    }

    // An index holding document "a", then changed by raw SQL into what an older build wrote.
    private static void IndexWithOneDocumentThen(TempDirectory dir, string downgradeSql)
    {
        using (var index = new SqliteIndex(new IndexOptions { DataDirectory = dir.Path }))
        {
            index.ReplaceDocument(Doc("a"), [C("a", 0, "pump")], 7);
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir.Path, "index.db")};Pooling=False");
        connection.Open();
        using var downgrade = connection.CreateCommand();
        downgrade.CommandText = downgradeSql;
        downgrade.ExecuteNonQuery();
    }
}

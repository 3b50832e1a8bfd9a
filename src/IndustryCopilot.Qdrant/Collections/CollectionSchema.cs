using IndustryCopilot.Core.Index.Search;
using Qdrant.Client.Grpc;

namespace IndustryCopilot.Qdrant.Collections;

/// <summary>
/// The layout of a chunk collection: a named dense vector (cosine) when there is an embedding model, a named sparse
/// vector with Qdrant's IDF modifier for the lexical lane, and keyword/integer payload indexes on every field a
/// filter tests.
/// </summary>
public static class CollectionSchema
{
    public const string DenseVector = "dense";
    public const string SparseVector = "lexical";

    /// <summary>Payload fields filters test, with their index type.</summary>
    public static IReadOnlyList<(string Field, PayloadSchemaType Type)> IndexedFields { get; } =
    [
        (PointFields.DocumentId, PayloadSchemaType.Keyword),
        (PointFields.Status, PayloadSchemaType.Keyword),
        (PointFields.DocType, PayloadSchemaType.Keyword),
        (PointFields.Language, PayloadSchemaType.Keyword),
        (PointFields.Equipment, PayloadSchemaType.Keyword),
        (PointFields.Line, PayloadSchemaType.Keyword),
        (PointFields.Groups, PayloadSchemaType.Keyword),
        (PointFields.Identifiers, PayloadSchemaType.Keyword),
        (PointFields.Ordinal, PayloadSchemaType.Integer),
    ];

    public static CreateCollection Create(string name, VectorModel? model, QdrantOptions options)
    {
        var create = new CreateCollection
        {
            CollectionName = name,
            ShardNumber = (uint)options.Shards,
            ReplicationFactor = (uint)options.ReplicationFactor,
            SparseVectorsConfig = new SparseVectorConfig(),
            VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap() },
        };
        create.SparseVectorsConfig.Map[SparseVector] = new SparseVectorParams { Modifier = Modifier.Idf };
        if (model is not null)
        {
            create.VectorsConfig.ParamsMap.Map[DenseVector] = new VectorParams { Size = (ulong)model.Dimension, Distance = Distance.Cosine };
        }

        return create;
    }
}

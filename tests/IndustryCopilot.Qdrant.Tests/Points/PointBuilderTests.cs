using IndustryCopilot.Qdrant.Collections;
using IndustryCopilot.Qdrant.Points;
using static IndustryCopilot.IndexContract.Tests.ContractDocuments;

namespace IndustryCopilot.Qdrant.Tests.Points;

public sealed class PointBuilderTests
{
    [Fact]
    public void Build_PumpManual_OnePointPerChunkWithFilterFieldsIdentifiersAndVectors()
    {
        var document = PumpManual();

        var points = PointBuilder.Build(document, Model, new QdrantOptions());

        Assert.Equal(4, points.Count);
        var first = points[0];
        Assert.Equal(PointBuilder.PointId("pump#0").ToString(), first.Id.Uuid);
        Assert.Equal("pump#0", first.Payload[PointFields.ChunkId].StringValue);
        Assert.Equal("pump", first.Payload[PointFields.DocumentId].StringValue);
        Assert.Equal("current", first.Payload[PointFields.Status].StringValue);
        Assert.Equal("en", first.Payload[PointFields.Language].StringValue);
        Assert.Equal("maintenance", first.Payload[PointFields.DocType].StringValue);
        Assert.Equal(["public"], first.Payload[PointFields.Groups].ListValue.Values.Select(v => v.StringValue));
        Assert.Contains("e-203", first.Payload[PointFields.Identifiers].ListValue.Values.Select(v => v.StringValue));
        Assert.Equal("5.1", first.Payload[PointFields.Clause].StringValue);
        Assert.Equal(1, first.Payload[PointFields.PageStart].IntegerValue);
        Assert.Equal(document.Fingerprint(Model), first.Payload[PointFields.Fingerprint].StringValue);
        Assert.Equal(8, first.Vectors.Vectors_.Vectors[CollectionSchema.DenseVector].Dense.Data.Count);
        Assert.NotEmpty(first.Vectors.Vectors_.Vectors[CollectionSchema.SparseVector].Sparse.Indices);
        Assert.False(first.Payload.ContainsKey(PointFields.Line), "absent fields are left out, not stored empty");
    }

    [Fact]
    public void Build_ChunkWithoutVector_OnlyTheSparseVector()
    {
        var document = PumpManual() with { Vectors = new Dictionary<string, float[]>() };

        var points = PointBuilder.Build(document, Model, new QdrantOptions());

        Assert.All(points, p => Assert.Equal([CollectionSchema.SparseVector], p.Vectors.Vectors_.Vectors.Keys));
    }
}

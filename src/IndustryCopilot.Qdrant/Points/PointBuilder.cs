using System.Security.Cryptography;
using System.Text;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Search;
using IndustryCopilot.Qdrant.Collections;
using Qdrant.Client.Grpc;

namespace IndustryCopilot.Qdrant.Points;

/// <summary>
/// Turns a document's chunks into points: id = a UUID from the chunk id's SHA-256 (so re-indexing overwrites the same
/// points), the sparse lexical vector, the dense vector when the chunk has one, and a payload with the chunk's fields,
/// the document's filter fields and the document fingerprint.
/// </summary>
public static class PointBuilder
{
    public static Guid PointId(string chunkId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(chunkId)).AsSpan(0, 16).ToArray();
        return new Guid(bytes);
    }

    public static List<PointStruct> Build(IndexDocument document, VectorModel? model, QdrantOptions options)
    {
        var fingerprint = document.Fingerprint(model);
        var d = document.Document;
        var points = new List<PointStruct>(document.Chunks.Count);
        foreach (var chunk in document.Chunks)
        {
            var text = LexicalText.Of(d, chunk);
            var vectors = new NamedVectors();
            vectors.Vectors[CollectionSchema.SparseVector] = SparseTerms.ForDocument(text, options.AverageTerms, options.AverageGrams);
            if (model is not null && document.Vectors.TryGetValue(chunk.Id, out var dense))
            {
                vectors.Vectors[CollectionSchema.DenseVector] = dense;
            }

            var point = new PointStruct { Id = PointId(chunk.Id), Vectors = new Vectors { Vectors_ = vectors } };
            Payload(point, d, chunk, LexicalText.Identifiers(d, chunk), fingerprint);
            points.Add(point);
        }

        return points;
    }

    private static void Payload(PointStruct point, DocumentInfo d, Chunk chunk, IReadOnlyList<string> identifiers, string fingerprint)
    {
        var p = point.Payload;
        p[PointFields.ChunkId] = chunk.Id;
        p[PointFields.DocumentId] = d.Id;
        p[PointFields.Ordinal] = chunk.Ordinal;
        p[PointFields.Title] = d.Title;
        p[PointFields.Status] = d.Status.ToString().ToLowerInvariant();
        p[PointFields.Language] = d.Language.ToString().ToLowerInvariant();
        p[PointFields.Groups] = List(d.AccessGroups);
        p[PointFields.Identifiers] = List(identifiers);
        p[PointFields.SectionPath] = chunk.SectionPath;
        p[PointFields.Kind] = chunk.Kind.ToString().ToLowerInvariant();
        p[PointFields.Text] = chunk.Text;
        p[PointFields.ContentHash] = d.ContentHash;
        p[PointFields.Fingerprint] = fingerprint;
        Optional(p, PointFields.DocumentNumber, d.DocumentNumber);
        Optional(p, PointFields.Revision, d.Revision);
        Optional(p, PointFields.SupersededBy, d.SupersededBy);
        Optional(p, PointFields.DocType, d.DocType);
        Optional(p, PointFields.Equipment, d.Equipment);
        Optional(p, PointFields.Line, d.Line);
        Optional(p, PointFields.Clause, chunk.ClauseLabel);
        Optional(p, PointFields.TableLabel, chunk.TableLabel);
        if (chunk.PageStart is { } start)
        {
            p[PointFields.PageStart] = start;
        }

        if (chunk.PageEnd is { } end)
        {
            p[PointFields.PageEnd] = end;
        }
    }

    private static Value List(IEnumerable<string> values)
    {
        var list = new ListValue();
        list.Values.AddRange(values.Select(v => new Value { StringValue = v }));
        return new Value { ListValue = list };
    }

    private static void Optional(Google.Protobuf.Collections.MapField<string, Value> payload, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            payload[field] = value;
        }
    }
}

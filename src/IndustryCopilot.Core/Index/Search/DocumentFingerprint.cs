using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// What a search index must hold for a document to be up to date: a SHA-256 over the document's fields (content hash,
/// metadata, filter fields, status, access groups, chunk count, when it was indexed), the pipeline version, the
/// embedding model and how many chunks have its vectors. Chunks are a function of the content and the pipeline, so
/// the fingerprint needs no chunk read — a sync compares it for every document cheaply and reads only what changed.
/// </summary>
public static class DocumentFingerprint
{
    public static string Compute(DocumentInfo d, int pipelineVersion, VectorModel? model, int vectorCount)
    {
        var text = string.Join('\u001f',
            d.Id, d.ContentHash, d.Title, d.DocumentNumber, d.Revision, d.EffectiveDate?.ToString("O", CultureInfo.InvariantCulture), d.Language, d.DocType, d.Equipment, d.Line,
            string.Join(',', d.AccessGroups.Order(StringComparer.Ordinal)), d.Status, d.SupersededBy, d.PageCount, d.ChunkCount,
            d.IndexedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), pipelineVersion.ToString(CultureInfo.InvariantCulture), model?.Key, model is null ? "0" : vectorCount.ToString(CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

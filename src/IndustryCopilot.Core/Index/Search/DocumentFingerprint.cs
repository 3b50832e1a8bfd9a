using System.Security.Cryptography;
using System.Text;

namespace IndustryCopilot.Core.Index.Search;

/// <summary>
/// What a search index must hold for a document to be up to date: a SHA-256 over every field the points carry (the
/// document's filter fields, status and revision, each chunk's id and hash) and which chunks have vectors of which
/// model. Equal fingerprints let a sync skip the document; anything else is pushed again.
/// </summary>
public static class DocumentFingerprint
{
    public static string Compute(IndexDocument document, VectorModel? model)
    {
        var d = document.Document;
        var text = new StringBuilder()
            .AppendJoin('\u001f', d.Id, d.ContentHash, d.Title, d.DocumentNumber, d.Revision, d.EffectiveDate?.ToString("O"), d.Language, d.DocType, d.Equipment, d.Line,
                string.Join(',', d.AccessGroups.Order(StringComparer.Ordinal)), d.Status, d.SupersededBy, d.PageCount, document.PipelineVersion, model?.Key)
            .Append('\u001e');
        foreach (var chunk in document.Chunks)
        {
            text.Append(chunk.Id).Append('\u001f').Append(chunk.Hash).Append('\u001f').Append(model is not null && document.Vectors.ContainsKey(chunk.Id) ? '1' : '0').Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }
}

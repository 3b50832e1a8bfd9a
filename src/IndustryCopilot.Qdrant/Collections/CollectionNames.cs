using System.Security.Cryptography;
using System.Text;
using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.Qdrant.Collections;

/// <summary>
/// Names of the collection that holds one embedding model's points: <c>{alias}__{model}__{dimension}</c>, the model
/// id reduced to lower-case letters, digits and '-' plus 8 hex of its hash (two ids that reduce alike stay apart).
/// Without a model: <c>{alias}__lexical</c>.
/// </summary>
public static class CollectionNames
{
    public static string For(string alias, VectorModel? model)
    {
        if (model is null)
        {
            return alias + "__lexical";
        }

        var slug = new StringBuilder();
        foreach (var c in model.Id.ToLowerInvariant())
        {
            slug.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        }

        var reduced = slug.ToString().Trim('-');
        if (reduced.Length > 80)
        {
            reduced = reduced[..80];
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model.Id)))[..8];
        return $"{alias}__{reduced}-{hash}__{model.Dimension}";
    }
}

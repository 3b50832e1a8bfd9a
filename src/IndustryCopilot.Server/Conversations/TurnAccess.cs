using System.Security.Claims;
using System.Text.Json;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Server.Security;

namespace IndustryCopilot.Server.Conversations;

/// <summary>
/// Whether a kept answer may still be shown to, or fed to the model for, its owner: every document it reveals (any
/// <c>documentId</c> in the stored response: citations, suggestions) must exist and be visible to the caller's groups
/// <em>now</em>. A person removed from a group, or a document narrowed or deleted since, leaves the turn redacted.
/// </summary>
internal sealed class TurnAccess(ClaimsPrincipal user, AnswerOrchestrator orchestrator)
{
    private readonly Dictionary<string, bool> _visible = new(StringComparer.Ordinal);

    public bool MayShow(string response)
    {
        foreach (var id in RevealedDocuments(response))
        {
            if (!_visible.TryGetValue(id, out var visible))
            {
                visible = orchestrator.ReadIndex(i => i.GetDocument(id)) is { } document && user.CanSee(document);
                _visible[id] = visible;
            }

            if (!visible)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every <c>documentId</c> value anywhere in a stored response; a response that cannot be read reveals "everything" and is never shown.</summary>
    internal static IReadOnlyCollection<string> RevealedDocuments(string response)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var json = JsonDocument.Parse(response);
            Collect(json.RootElement, ids);
        }
        catch (JsonException)
        {
            ids.Add("\u0000unreadable");
        }

        return ids;
    }

    private static void Collect(JsonElement element, HashSet<string> ids)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("documentId") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        ids.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, ids);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, ids);
                }

                break;
        }
    }
}

using System.Security.Claims;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Audit;
using IndustryCopilot.Hosting.Store;
using IndustryCopilot.Server.Indexing;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Documents;

/// <summary>
/// <c>POST /api/documents/{id}/release</c> (admins who may see the document): after reviewing a document whose passages
/// address an assistant, release them into answers. The release holds for this version only (a changed file is held
/// again) and is written to the audit; in a plant group it is the group's (every replica takes it from the catalog).
/// </summary>
internal static partial class HeldPassagesApi
{
    internal static async Task<Results<NoContent, NotFound, Conflict<string>>> ReleaseAsync(string id, AnswerOrchestrator orchestrator, IndexerRole role, IAuditLog audit, ClaimsPrincipal user, TimeProvider time, ILogger<IAuditLog> log, CancellationToken cancellationToken)
    {
        var (document, held) = orchestrator.ReadIndex(i => (i.GetDocument(id), i.HeldDocuments().GetValueOrDefault(id)));
        if (document is null || !user.CanSee(document))
        {
            return TypedResults.NotFound();
        }

        if (held is null)
        {
            return TypedResults.Conflict("Nothing in this document is held.");
        }

        var (keyId, keyName) = user.Key();
        var now = time.GetUtcNow();
        // Written to the audit first: a release nobody can account for does not happen.
        await audit.AppendActionAsync(new AdminAction(now, keyId, keyName, "release-held", id, $"{held.Count} passage(s) of '{document.Title}' ({document.ContentHash[..12]}): {held.Reason}"), cancellationToken);
        if (role.Shared is { } shared)
        {
            // A plant group: the release is the group's, so every replica answers with this version's passages.
            await shared.ReleaseAsync(new CatalogRelease(id, document.ContentHash, keyId, now), cancellationToken);
        }

        orchestrator.ReadIndex(i => i.ReleaseHeld(id, keyId, now));
        Released(log, id, held.Count, keyId);
        return TypedResults.NoContent();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Held passages of document {DocumentId} ({Count}) released into answers by {Admin}")]
    private static partial void Released(ILogger logger, string documentId, int count, string admin);
}

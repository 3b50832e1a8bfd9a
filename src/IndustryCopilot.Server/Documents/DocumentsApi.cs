using System.Net.Mime;
using System.Security.Claims;
using System.Text;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion.Metadata;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Security;
using IndustryCopilot.Server.Composition;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;

using IndustryCopilot.Server.Indexing;

namespace IndustryCopilot.Server.Documents;

/// <summary>
/// The document library: list, outline, original file, delete (editors), upload (editors, see <see cref="DocumentUpload"/>),
/// upload jobs, and cited passages with their neighbours. A document the caller's groups do not allow is "not found"
/// everywhere, so ids and titles of restricted documents cannot be probed.
/// </summary>
internal static class DocumentsApi
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Documents").RequireAuthorization().RequireRateLimiting(KeyRateLimits.Policy);
        group.MapGet("/documents", List);
        group.MapGet("/documents/{id}", Get);
        group.MapGet("/documents/{id}/file", File);
        group.MapDelete("/documents/{id}", Delete).RequireAuthorization(Roles.Editor);
        group.MapPost("/documents", DocumentUpload.UploadAsync).RequireAuthorization(Roles.Editor).DisableAntiforgery();
        group.MapGet("/jobs/{id}", Job);
        group.MapPost("/documents/{id}/release", HeldPassagesApi.ReleaseAsync).RequireAuthorization(Roles.Admin);
        group.MapGet("/sources/{chunkId}", Source);
        return app;
    }

    internal static Ok<List<DocumentView>> List(AnswerOrchestrator orchestrator, ClaimsPrincipal user, Uploads uploads)
    {
        var (all, held) = orchestrator.ReadIndex(i => (i.ListDocuments(), i.HeldDocuments()));
        var visible = all.Where(user.CanSee).ToList();
        var ids = visible.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        return TypedResults.Ok(visible.OrderBy(d => d.Title, StringComparer.CurrentCulture).Select(d => DocumentView.From(d, uploads.Folder, ids.Contains, held.GetValueOrDefault(d.Id))).ToList());
    }

    private static HeldPassages? Held(AnswerOrchestrator orchestrator, string id) => orchestrator.ReadIndex(i => i.HeldDocuments().GetValueOrDefault(id));

    // Revisions supersede only within their own access groups, so the newer one is visible whenever the older is;
    // checked again here so that no rule elsewhere can ever turn this field into a probe of another group's ids.
    private static Func<string, bool> MayName(AnswerOrchestrator orchestrator, ClaimsPrincipal user) =>
        id => orchestrator.ReadIndex(i => i.GetDocument(id)) is { } d && user.CanSee(d);

    internal static Results<Ok<DocumentDetail>, NotFound> Get(string id, AnswerOrchestrator orchestrator, ClaimsPrincipal user, Uploads uploads)
    {
        var (document, chunks) = orchestrator.ReadIndex(i => i.GetDocument(id) is { } d && user.CanSee(d) ? (d, i.GetChunks(id)) : (null, []));
        return document is null ? TypedResults.NotFound() : TypedResults.Ok(new DocumentDetail(DocumentView.From(document, uploads.Folder, MayName(orchestrator, user), Held(orchestrator, id)), [.. chunks.Select(ChunkOutline.From)]));
    }

    /// <summary>
    /// The original file, inline (PDFs open in the browser's viewer; the UI adds <c>#page=N</c>). Only files inside a
    /// watched folder or the upload folder are served, whatever path the index holds.
    /// </summary>
    internal static Results<PhysicalFileHttpResult, NotFound> File(string id, AnswerOrchestrator orchestrator, ClaimsPrincipal user, Uploads uploads, ServerOptions options, HttpContext http)
    {
        var document = orchestrator.ReadIndex(i => i.GetDocument(id));
        if (document is null || !user.CanSee(document) || !System.IO.File.Exists(document.SourcePath))
        {
            return TypedResults.NotFound();
        }

        var path = Path.GetFullPath(document.SourcePath);
        var roots = options.Folders.Select(f => Path.GetFullPath(f)).Append(uploads.Folder);
        if (!roots.Any(root => path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
        {
            return TypedResults.NotFound();
        }

        var name = Path.GetFileName(path);
        http.Response.Headers.ContentDisposition = new ContentDisposition { Inline = true, FileName = Ascii(name) }.ToString() + "; filename*=UTF-8''" + Uri.EscapeDataString(name);
        return TypedResults.PhysicalFile(path, ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream", enableRangeProcessing: true);
    }

    internal static async Task<Results<NoContent, NotFound, Conflict<string>>> Delete(string id, AnswerOrchestrator orchestrator, ClaimsPrincipal user, Uploads uploads, IndexerRole role, CancellationToken cancellationToken)
    {
        var document = orchestrator.ReadIndex(i => i.GetDocument(id));
        if (document is null || !user.CanSee(document))
        {
            return TypedResults.NotFound();
        }

        // A watched folder is the plant's document share: its files are theirs to remove, and the next start would
        // index them again anyway.
        if (!DocumentView.IsUpload(document, uploads.Folder))
        {
            return TypedResults.Conflict($"'{Path.GetFileName(document.SourcePath)}' comes from a watched folder; remove the file there and the next indexing run drops it.");
        }

        // In a group the shared catalog goes first: every replica (the indexer too) then drops it from its own index,
        // and the file, gone from the shared folder, is never published again.
        if (role.Shared is { } shared)
        {
            await shared.RemoveAsync(id, cancellationToken);
        }

        orchestrator.ReadIndex(i => i.RemoveDocument(id));
        System.IO.File.Delete(document.SourcePath);
        System.IO.File.Delete(SidecarMetadata.PathFor(document.SourcePath));
        return TypedResults.NoContent();
    }

    // An admin of another department must not learn that a file was uploaded, what it is called or its document id.
    internal static async Task<Results<Ok<UploadJob>, NotFound>> Job(string id, IUploadQueue queue, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await queue.GetAsync(id, cancellationToken) is { } job && (job.KeyId == user.Key().Id || (user.Role() == ApiKeyRole.Admin && job.Groups.Any(user.Groups().Contains)))
            ? TypedResults.Ok(job)
            : TypedResults.NotFound();

    /// <summary>A cited passage (<c>{documentId}#{ordinal}</c>, URL-encoded) with the passages either side of it.</summary>
    internal static Results<Ok<SourceView>, NotFound> Source(string chunkId, AnswerOrchestrator orchestrator, ClaimsPrincipal user, Uploads uploads)
    {
        var hash = chunkId.LastIndexOf('#');
        if (hash <= 0 || !int.TryParse(chunkId.AsSpan(hash + 1), out var ordinal))
        {
            return TypedResults.NotFound();
        }

        var documentId = chunkId[..hash];
        var (document, chunks) = orchestrator.ReadIndex(i => i.GetDocument(documentId) is { } d && user.CanSee(d) ? (d, i.GetChunks(documentId)) : (null, []));
        var at = chunks.ToList().FindIndex(c => c.Ordinal == ordinal);
        if (document is null || at < 0)
        {
            return TypedResults.NotFound();
        }

        SourcePassage? Near(int index) => index >= 0 && index < chunks.Count ? SourcePassage.From(chunks[index]) : null;
        return TypedResults.Ok(new SourceView(SourcePassage.From(chunks[at]), Near(at - 1), Near(at + 1), DocumentView.From(document, uploads.Folder, MayName(orchestrator, user), Held(orchestrator, document.Id)), $"/api/documents/{document.Id}/file"));
    }

    // The plain filename= parameter must be ASCII; filename*= carries the real (often Chinese) name.
    private static string Ascii(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(c is >= ' ' and < (char)127 and not '"' and not '\\' ? c : '_');
        }

        return text.ToString();
    }
}

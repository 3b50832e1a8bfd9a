using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using IndustryCopilot.Core.Ingestion;
using IndustryCopilot.Core.Ingestion.Metadata;
using IndustryCopilot.Hosting;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Server.Composition;
using IndustryCopilot.Server.Security;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IndustryCopilot.Server.Documents;

/// <summary>
/// <c>POST /api/documents</c> (editors): multipart form with one or more <c>file</c> parts and optional metadata fields
/// <c>groups</c> (comma-separated; only groups the key has), <c>title</c>, <c>documentNumber</c>, <c>revision</c>,
/// <c>effectiveDate</c>, <c>docType</c>, <c>equipment</c>, <c>line</c>. Each file is stored under a safe name in the
/// upload folder with a sidecar, and queued for indexing; a file of the same name is a new revision and replaces the
/// old one once it is indexed (without new metadata it keeps the old one's, so access groups never silently widen).
/// </summary>
internal static class DocumentUpload
{
    private const int MaxFiles = 20;
    private static readonly string[] MetadataFields = ["title", "documentNumber", "revision", "effectiveDate", "docType", "equipment", "line"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<Results<Accepted<UploadAccepted>, ValidationProblem, ProblemHttpResult, Conflict<string>>> UploadAsync(
        HttpContext http, ClaimsPrincipal user, ServerOptions options, Uploads uploads, IUploadQueue queue, AnswerOrchestrator orchestrator, CopilotEnvironment environment, TimeProvider time, CancellationToken cancellationToken)
    {
        var limit = options.MaxUploadMegabytes * 1024L * 1024L;
        if (!http.Request.HasFormContentType)
        {
            return Invalid("file", "Send multipart/form-data with one or more 'file' parts.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit * MaxFiles + 1024 * 1024;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit * MaxFiles, ValueLengthLimit = 4096 }, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return TooLarge(options);
        }

        var extensions = ReaderRegistry.Default(environment.Ingestion).Extensions;
        if (form.Files.Count is 0 or > MaxFiles)
        {
            return Invalid("file", $"Send 1–{MaxFiles} 'file' parts.");
        }

        foreach (var file in form.Files)
        {
            if (file.Length > limit)
            {
                return TooLarge(options);
            }

            if (SafeName(file.FileName) is not { } safe || !extensions.Contains(Path.GetExtension(safe).ToLowerInvariant()))
            {
                return Invalid("file", $"'{file.FileName}': supported types are {string.Join(", ", extensions.Order(StringComparer.Ordinal))}.");
            }
        }

        var groups = (form["groups"].FirstOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        var mine = user.Groups();
        if (groups.FirstOrDefault(g => !mine.Contains(g)) is { } foreign)
        {
            return Invalid("groups", $"Your key cannot assign group '{foreign}'; it has {string.Join(", ", mine)}.");
        }

        var metadata = new Dictionary<string, object>();
        foreach (var field in MetadataFields)
        {
            if (form[field].FirstOrDefault() is { Length: > 0 } value)
            {
                metadata[field] = value.Trim();
            }
        }

        if (metadata.TryGetValue("effectiveDate", out var date) && !DateOnly.TryParseExact((string)date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return Invalid("effectiveDate", "A date as yyyy-MM-dd.");
        }

        if (groups.Count > 0)
        {
            metadata["accessGroups"] = groups;
        }

        Directory.CreateDirectory(uploads.Folder);
        var accepted = new List<UploadJob>();
        foreach (var file in form.Files)
        {
            var name = SafeName(file.FileName)!;
            var target = Path.Combine(uploads.Folder, name);
            // Replacing a document the caller may not see would let it overwrite (and read back) a restricted one.
            if (orchestrator.ReadIndex(i => i.GetDocument(IngestionPipeline.DocumentId(target))) is { } existing && !user.CanSee(existing))
            {
                return TypedResults.Conflict($"A document named '{name}' exists that your key cannot replace.");
            }

            var job = new UploadJob(Guid.NewGuid().ToString("N"), name, UploadState.Queued, time.GetUtcNow()) { KeyId = user.Key().Id, Path = target };
            var part = Path.Combine(uploads.Folder, $".{job.Id}.part");
            await using (var stream = File.Create(part))
            {
                await file.CopyToAsync(stream, cancellationToken);
            }

            string? previous = null;
            if (File.Exists(target))
            {
                previous = Path.Combine(uploads.Folder, $".{job.Id}.previous{Path.GetExtension(name)}");
                File.Move(target, previous);
                if (File.Exists(SidecarMetadata.PathFor(target)))
                {
                    File.Move(SidecarMetadata.PathFor(target), SidecarMetadata.PathFor(previous));
                }
            }

            if (metadata.Count > 0)
            {
                await File.WriteAllTextAsync(SidecarMetadata.PathFor(target), JsonSerializer.Serialize(metadata, Json), cancellationToken);
            }
            else if (previous is not null && File.Exists(SidecarMetadata.PathFor(previous)))
            {
                File.Copy(SidecarMetadata.PathFor(previous), SidecarMetadata.PathFor(target));
            }

            File.Move(part, target);
            accepted.Add(await queue.EnqueueAsync(job with { PreviousPath = previous, Groups = GroupsOf(target) }, cancellationToken));
        }

        return TypedResults.Accepted($"/api/jobs/{accepted[0].Id}", new UploadAccepted(accepted));
    }

    /// <summary>The access groups the stored file will be indexed with (its sidecar's, else <c>public</c>); none when the sidecar cannot be read.</summary>
    private static IReadOnlyList<string> GroupsOf(string target)
    {
        try
        {
            return SidecarMetadata.Load(target).Metadata.AccessGroups is { Count: > 0 } groups ? groups : ["public"];
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    /// <summary>
    /// The client's file name reduced to something safe to store: no folders, no control or path characters, no
    /// leading dots (hidden files are skipped by indexing), at most 150 characters; null when nothing is left.
    /// </summary>
    internal static string? SafeName(string? clientName)
    {
        var name = Path.GetFileName((clientName ?? "").Replace('\\', '/'));
        var cleaned = new string([.. name.Select(c => char.IsControl(c) || c is '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c)]).Trim().TrimStart('.');
        if (cleaned.Length > 150)
        {
            cleaned = cleaned[..(150 - Path.GetExtension(cleaned).Length)] + Path.GetExtension(cleaned);
        }

        return cleaned.Length == 0 || SidecarMetadata.IsSidecar(cleaned) || Path.GetFileNameWithoutExtension(cleaned).Length == 0 ? null : cleaned;
    }

    private static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ProblemHttpResult TooLarge(ServerOptions options) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large", detail: $"Files of at most {options.MaxUploadMegabytes} MiB (Server:MaxUploadMegabytes), {MaxFiles} per request.");
}

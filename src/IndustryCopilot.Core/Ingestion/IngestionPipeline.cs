using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index;
using IndustryCopilot.Core.Ingestion.Chunking;
using IndustryCopilot.Core.Ingestion.Metadata;
using IndustryCopilot.Core.Ingestion.Ocr;
using IndustryCopilot.Core.Ingestion.Reading;
using IndustryCopilot.Core.Retrieval.Dense;

namespace IndustryCopilot.Core.Ingestion;

/// <summary>
/// Indexes files: hash → (skip if unchanged) → read → detect metadata → chunk → store in one transaction → embed
/// (when a dense model is configured; the document records the model once all its vectors are stored).
/// Every step for a file is idempotent, so an interrupted run is simply run again: a stored but unembedded document
/// is only embedded. A file that fails is reported and skipped; the run goes on and the index keeps that file's
/// previous version, if any.
/// </summary>
public sealed class IngestionPipeline(SqliteIndex index, ReaderRegistry readers, StructuredChunker chunker, IngestionOptions options, TimeProvider time, TextEmbedder? embedder = null, PdfPageOcr? ocr = null)
{
    /// <summary>Bumped whenever reading or chunking changes, so every file is re-indexed once after an upgrade.</summary>
    public const int PipelineVersion = 6;

    /// <summary>File name of a plant glossary inside a corpus folder; never indexed as a document.</summary>
    public const string GlossaryFileName = "glossary.tsv";

    private int _chunkerRuns;

    /// <summary>
    /// Indexes the files of <paramref name="request"/> one after another; each file's read (on the thread pool, under its
    /// time limit), OCR and embedding are awaited, so a run ties up no thread while it waits on a tool or a model.
    /// </summary>
    public async Task<IngestionReport> RunAsync(IngestionRequest request, IProgress<IngestionProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var chunkedBefore = Volatile.Read(ref _chunkerRuns);
        var (files, unsupported) = Enumerate(request.Paths);
        if (embedder is not null && index.CheckEmbedding(embedder.ModelId, embedder.Dimension) == EmbeddingStatus.NeedsReembedding)
        {
            index.ResetVectors(embedder.ModelId, embedder.Dimension);
        }

        var outcomes = new List<FileOutcome>(files.Count);
        int pages = 0, chunks = 0;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = await IndexFileAsync(file, request.Metadata, cancellationToken).ConfigureAwait(false);
            outcomes.Add(outcome);
            pages += outcome.Pages;
            chunks += outcome.Chunks;
            progress?.Report(new IngestionProgress(outcomes.Count, files.Count, pages, chunks, outcome));
        }

        var pruned = request.Prune ? Prune(request.Paths) : [];
        return new IngestionReport(outcomes, pruned, started.Elapsed, Volatile.Read(ref _chunkerRuns) - chunkedBefore, unsupported);
    }

    /// <summary>
    /// Supported files under the given paths, sorted so runs are repeatable, and the files of other types found
    /// in folders, counted by extension. Hidden files and sidecars are neither.
    /// </summary>
    public (List<string> Files, Dictionary<string, int> Unsupported) Enumerate(IEnumerable<string> paths)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        var unsupported = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths.Select(Path.GetFullPath))
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    // The plant glossary sits with the documents it describes but is configuration, not a document.
                    if (SidecarMetadata.IsSidecar(file) || Path.GetFileName(file).StartsWith('.') || Path.GetFileName(file).Equals(GlossaryFileName, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    if (readers.For(file) is null)
                    {
                        var extension = Path.GetExtension(file).ToLowerInvariant();
                        unsupported[extension.Length == 0 ? "(none)" : extension] = unsupported.GetValueOrDefault(extension.Length == 0 ? "(none)" : extension) + 1;
                    }
                    else
                    {
                        files.Add(file);
                    }
                }
            }
            else
            {
                throw new FileNotFoundException($"no such file or folder: {path}", path);
            }
        }

        return (files.ToList(), unsupported);
    }

    private async Task<FileOutcome> IndexFileAsync(string path, DocumentMetadata requestMetadata, CancellationToken cancellationToken)
    {
        try
        {
            var reader = readers.For(path);
            if (reader is null)
            {
                return new FileOutcome(path, FileOutcomeKind.Failed, Error: $"unsupported file type '{Path.GetExtension(path)}' (supported: {string.Join(", ", readers.Extensions.Order())})");
            }

            var (sidecar, sidecarRaw) = SidecarMetadata.Load(path);
            var hash = Hash(path, sidecarRaw + "\u001f" + Describe(requestMetadata));
            var known = index.FindBySource(path);
            if (known is not null && known.ContentHash == hash && known.PipelineVersion == PipelineVersion)
            {
                if (embedder is null || known.EmbeddingModel == embedder.ModelKey)
                {
                    return new FileOutcome(path, FileOutcomeKind.Unchanged, known.DocumentId);
                }

                var stored = index.GetDocument(known.DocumentId)!;
                var storedChunks = index.GetChunks(known.DocumentId);
                await EmbedAsync(stored, storedChunks, cancellationToken).ConfigureAwait(false);
                return new FileOutcome(path, FileOutcomeKind.Indexed, known.DocumentId, stored.PageCount, storedChunks.Count, stored.PagesNeedingOcr);
            }

            var read = await ReadWithTimeoutAsync(reader, path, cancellationToken).ConfigureAwait(false);
            if (!read.Succeeded)
            {
                return new FileOutcome(path, FileOutcomeKind.Failed, Error: read.Error);
            }

            var (parsed, confidences, ocrError) = await RecognizeAsync(path, read.Document!, cancellationToken).ConfigureAwait(false);
            var (detected, language) = MetadataExtractor.Detect(path, parsed);
            var metadata = sidecar.Over(requestMetadata).Over(detected);
            var id = DocumentId(path);
            var chunks = MarkOcr(chunker.Chunk(id, metadata.Title, parsed.Blocks), confidences);
            Interlocked.Increment(ref _chunkerRuns);
            var document = new DocumentInfo
            {
                Id = id,
                SourcePath = path,
                ContentHash = hash,
                Format = parsed.Format,
                SizeBytes = new FileInfo(path).Length,
                Title = metadata.Title ?? Path.GetFileNameWithoutExtension(path),
                DocumentNumber = metadata.DocumentNumber,
                Revision = metadata.Revision,
                EffectiveDate = metadata.EffectiveDate,
                Language = language,
                DocType = metadata.DocType,
                Equipment = metadata.Equipment,
                Line = metadata.Line,
                Aliases = metadata.Aliases?.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [],
                AccessGroups = metadata.AccessGroups is { Count: > 0 } groups ? groups : ["public"],
                PageCount = parsed.PageCount,
                PagesNeedingOcr = parsed.PagesNeedingOcr,
                ChunkCount = chunks.Count,
                IndexedAt = time.GetUtcNow(),
            };
            index.ReplaceDocument(document, chunks, PipelineVersion);
            await EmbedAsync(document, chunks, cancellationToken).ConfigureAwait(false);
            return new FileOutcome(path, FileOutcomeKind.Indexed, id, parsed.PageCount, chunks.Count, parsed.PagesNeedingOcr, PagesByLayout: parsed.PagesReadByLayout)
            {
                PagesByOcr = confidences.Count,
                OcrError = ocrError,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return new FileOutcome(path, FileOutcomeKind.Failed, Error: ex.Message);
        }
    }

    // Pages without a text layer are rendered and recognised; text-layer pages never are. Each recognised page's
    // paragraphs join the document's blocks at their page; a page whose OCR fails stays listed as needing OCR.
    private async Task<(ParsedDocument Parsed, Dictionary<int, double> Confidences, string? Error)> RecognizeAsync(string path, ParsedDocument parsed, CancellationToken cancellationToken)
    {
        if (ocr is null || parsed.PagesNeedingOcr.Count == 0)
        {
            return (parsed, [], null);
        }

        var results = await ocr.RecognizeAsync(path, parsed.PagesNeedingOcr, cancellationToken).ConfigureAwait(false);
        var recognised = results.Where(r => r.Result is { Paragraphs.Count: > 0 }).Select(r => r.Result!).ToList();
        var blocks = parsed.Blocks
            .Concat(recognised.SelectMany(r => r.Paragraphs.Select(p => new Block(BlockKind.Paragraph, p, r.Page))))
            .Select((b, i) => (Block: b, Order: i))
            .OrderBy(x => x.Block.Page ?? 0).ThenBy(x => x.Order)
            .Select(x => x.Block).ToList();
        var remaining = parsed.PagesNeedingOcr.Except(recognised.Select(r => r.Page)).ToList();
        var error = results.Select(r => r.Error).FirstOrDefault(e => e is not null);
        return (parsed with { Blocks = blocks, PagesNeedingOcr = remaining }, recognised.ToDictionary(r => r.Page, r => r.MeanConfidence), error);
    }

    // A chunk lying wholly on recognised pages carries their mean confidence, shown with its citations.
    private static IReadOnlyList<Chunk> MarkOcr(IReadOnlyList<Chunk> chunks, Dictionary<int, double> confidences)
    {
        if (confidences.Count == 0)
        {
            return chunks;
        }

        return chunks.Select(c =>
        {
            if (c.PageStart is not { } start)
            {
                return c;
            }

            var pages = Enumerable.Range(start, (c.PageEnd ?? start) - start + 1).ToList();
            return pages.All(confidences.ContainsKey) ? c with { OcrConfidence = Math.Round(pages.Average(p => confidences[p]), 1) } : c;
        }).ToList();
    }

    // Chunks of a language the model does not understand get no vector (it would be noise in the dense lane), but
    // the document is still marked as done for this model.
    private async Task EmbedAsync(DocumentInfo document, IReadOnlyList<Chunk> chunks, CancellationToken cancellationToken)
    {
        if (embedder is null)
        {
            return;
        }

        var vectors = new List<(string, float[])>();
        if (embedder.Supports(document.Language))
        {
            var embedded = await embedder.EmbedAsync(chunks.Select(c => c.SearchText).ToList(), cancellationToken).ConfigureAwait(false);
            vectors.AddRange(chunks.Select((c, i) => (c.Id, embedded[i])));
        }

        index.StoreVectors(embedder.ModelId, embedder.Dimension, vectors, document.Id);
    }

    // A reader checks the token between pages; a parser stuck inside one page is abandoned, its result discarded.
    // A reader that throws (a bug, or a parser failing in an unforeseen way) fails only its own file.
    private async Task<ReadResult> ReadWithTimeoutAsync(IDocumentReader reader, string path, CancellationToken runToken)
    {
        var limit = TimeSpan.FromSeconds(options.ReadTimeoutSeconds);
        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, runToken);
        // The parsers are synchronous CPU work: run on the pool, awaited here, and abandoned (not awaited) past the limit.
        var task = Task.Run(() => reader.Read(path, linked.Token), CancellationToken.None);
        try
        {
            return await task.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!runToken.IsCancellationRequested)
        {
            return ReadResult.Fail($"reading took longer than {options.ReadTimeoutSeconds} s (Ingestion:ReadTimeoutSeconds); the file may be damaged or pathological");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ReadResult.Fail($"{reader.Format} reader failed ({ex.GetType().Name}): {ex.Message}");
        }
    }

    private List<string> Prune(IEnumerable<string> roots)
    {
        var folders = roots.Select(Path.GetFullPath).Where(Directory.Exists)
            .Select(r => r.EndsWith(Path.DirectorySeparatorChar) ? r : r + Path.DirectorySeparatorChar).ToList();
        var removed = new List<string>();
        foreach (var document in index.ListDocuments())
        {
            if (folders.Any(f => document.SourcePath.StartsWith(f, StringComparison.Ordinal)) && !File.Exists(document.SourcePath) && index.RemoveDocument(document.Id))
            {
                removed.Add(document.SourcePath);
            }
        }

        return removed;
    }

    /// <summary>The stable id of the document read from <paramref name="path"/>.</summary>
    public static string DocumentId(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..12];

    private static string Hash(string path, string extra)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var stream = File.OpenRead(path))
        {
            var buffer = new byte[81920];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                sha.AppendData(buffer, 0, n);
            }
        }

        sha.AppendData(Encoding.UTF8.GetBytes(extra));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static string Describe(DocumentMetadata m) =>
        string.Join("|", m.Title, m.DocumentNumber, m.Revision, m.EffectiveDate, m.DocType, m.Equipment, m.Line, string.Join(",", m.AccessGroups ?? []));
}

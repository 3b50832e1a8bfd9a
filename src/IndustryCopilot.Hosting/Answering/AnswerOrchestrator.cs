using System.Diagnostics;
using System.Runtime.CompilerServices;
using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Answering.Revisions;
using IndustryCopilot.Core.Answering.Verification;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Core.Settings;
using IndustryCopilot.Core.Tracing;
using IndustryCopilot.Hosting.Llm;

namespace IndustryCopilot.Hosting.Answering;

/// <summary>
/// Answers a question: rewrite a follow-up using the conversation → retrieve → the gate (answer "not found" without
/// calling the model only when nothing relevant was retrieved) → fit the sources into the context → generate,
/// streaming → a reply saying the sources do not answer becomes the standard not-found answer; otherwise verify the
/// citations → the final <see cref="Answer"/>. Without a model, or when the model fails or times out and fallback is
/// on, the answer is in quote mode (answered, closest passages or not found). Model calls go through the <see cref="GenerationScheduler"/>; beyond its queue the
/// caller gets <see cref="AnswerBusy"/>. Safe to call concurrently.
/// </summary>
public sealed class AnswerOrchestrator : IDisposable
{
    private readonly HybridRetriever _retriever;
    private readonly QuoteAnswerer _quote;
    private readonly AnsweringOptions _answering;
    private readonly GenerationOptions _generation;
    private readonly AnswerPrompts? _prompts;
    private readonly GenerationScheduler _scheduler;
    private readonly ConversationMemory _memory;
    private readonly bool _fallbackToQuote;
    private readonly ModelTranslations _translations = new();

    public AnswerOrchestrator(HybridRetriever retriever, AnsweringOptions answering, GenerationOptions generation, ChatBackend? backend, PromptLibrary? prompts, bool fallbackToQuote = true, TimeProvider? time = null)
    {
        answering.Validate();
        generation.Validate();
        _retriever = retriever;
        _answering = answering;
        _generation = generation;
        _quote = new QuoteAnswerer(retriever, answering);
        PromptVersion = backend is null ? null : prompts?.Version;
        _prompts = backend is null ? null : new AnswerPrompts(backend, prompts ?? throw new ArgumentNullException(nameof(prompts)), generation);
        _scheduler = new GenerationScheduler(generation, time);
        _memory = new ConversationMemory(generation, time);
        _fallbackToQuote = fallbackToQuote;
    }

    /// <summary>True when a model writes answers; false in quote mode.</summary>
    public bool Generates => _prompts is not null;

    /// <summary>Version of the prompts answers are generated with (see <see cref="PromptLibrary.Version"/>); null in quote mode.</summary>
    public string? PromptVersion { get; }

    public GenerationScheduler Scheduler => _scheduler;

    public ConversationMemory Memory => _memory;

    /// <summary>The final event only (<see cref="AnswerCompleted"/> or <see cref="AnswerBusy"/>).</summary>
    public async Task<AnswerEvent> AskAsync(AskRequest request, CancellationToken cancellationToken = default)
    {
        AnswerEvent? last = null;
        await foreach (var e in AskStreamingAsync(request, cancellationToken).ConfigureAwait(false))
        {
            last = e;
        }

        return last!;
    }

    public async IAsyncEnumerable<AnswerEvent> AskStreamingAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stages = new StageTimer("ask");
        var timings = stages.Timings;
        var started = Stopwatch.GetTimestamp();
        var question = request.Question.Trim();
        var chinese = question.Any(c => c is >= '\u4e00' and <= '\u9fff');
        if (_prompts is null)
        {
            yield return Remember(request, new AnswerCompleted(await QuoteAnswerAsync(request, question, cancellationToken).ConfigureAwait(false)));
            yield break;
        }

        var history = request.History ?? (request.ConversationId is { } id ? _memory.History(id) : []);
        GenerationLease? lease;
        try
        {
            lease = await _scheduler.EnterAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException) when (_fallbackToQuote)
        {
            lease = null;
            timings["queue"] = -1;
        }

        if (lease is null && timings.ContainsKey("queue"))
        {
            // Waited the whole request time for the model: quote mode still answers.
            var notice = chinese ? $"模型在 {_generation.RequestTimeoutSeconds} 秒内一直繁忙，以下为原文摘录。" : $"The model stayed busy for {_generation.RequestTimeoutSeconds} s; the answer below quotes the documents.";
            yield return Remember(request, new AnswerCompleted(await QuoteAnswerAsync(request, question, cancellationToken).ConfigureAwait(false) with { Notice = notice }));
            yield break;
        }

        using var slot = lease;
        if (lease is null)
        {
            yield return new AnswerBusy(_scheduler.RetryAfter);
            yield break;
        }

        stages.Lap("queue");
        var standalone = question;
        if (history.Count > 0)
        {
            var condensed = await InTime(_prompts.CondenseAsync(question, history, chinese, lease.Token), lease, cancellationToken).ConfigureAwait(false);
            if (!condensed.InTime)
            {
                yield return Remember(request, await OutOfTimeAsync(request, question, chinese, timings, cancellationToken).ConfigureAwait(false));
                yield break;
            }

            standalone = condensed.Value;
            stages.Lap("condense");
        }

        var (translatedInTime, translation) = await InTime(TranslateAsync(standalone, request, lease.Token), lease, cancellationToken).ConfigureAwait(false);
        if (!translatedInTime)
        {
            yield return Remember(request, await OutOfTimeAsync(request, standalone, chinese, timings, cancellationToken).ConfigureAwait(false));
            yield break;
        }

        if (translation.Called)
        {
            stages.Lap("translate");
        }

        var vector = request.Lanes.HasFlag(SearchLanes.Dense) ? await _retriever.EmbedQueryAsync(standalone, cancellationToken).ConfigureAwait(false) : null;
        var response = await _retriever.SearchAsync(new SearchRequest(standalone) { K = _answering.EvidenceChunks, Filter = request.Filter, Lanes = request.Lanes, QueryVector = vector, ModelTranslation = translation.Text }, cancellationToken).ConfigureAwait(false);

        var assessment = _quote.Assess(question, response);
        chinese = response.Query.Language is DocumentLanguage.Zh or DocumentLanguage.Mixed;
        stages.Lap("retrieve");
        if (!assessment.PassesGate(_answering))
        {
            var refused = assessment.AsNotFound() with { StandaloneQuestion = Rewritten(question, standalone) };
            yield return Remember(request, new AnswerCompleted(Finish(refused, timings)));
            yield break;
        }

        var sources = await _prompts.PackAsync(standalone, response.Hits, chinese, lease.Token).ConfigureAwait(false);
        stages.Lap("prompt");
        if (sources.Count == 0)
        {
            // The prompt's fixed part and the answer budget leave no room for a single source: generating would be
            // answering without documents, so quote instead (and say why in the timings for the operator).
            var notice = chinese ? "模型上下文容不下任何来源段落，以下为原文摘录。" : "The model's context has no room for a source passage; the answer below quotes the documents.";
            yield return Remember(request, new AnswerCompleted(Finish(await QuoteAnswerAsync(request, standalone, cancellationToken).ConfigureAwait(false) with { Notice = notice }, timings)));
            yield break;
        }

        var safetyCritical = SafetyTopics.IsSafetyCritical(standalone) || SafetyTopics.IsSafetyCritical(question);
        var stream = new VerifiedRelease(sources, chinese, holdAll: safetyCritical, _retriever.Translator);
        var tokenCount = 0;
        var firstToken = 0L;
        Exception? failure = null;
        await using (var tokens = _prompts.AnswerAsync(standalone, sources, chinese, lease.Token).GetAsyncEnumerator(lease.Token))
        {
            while (true)
            {
                string token;
                try
                {
                    if (!await tokens.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    token = tokens.Current;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    // A timeout (our token, not the caller's) or a model/server error.
                    failure = e;
                    break;
                }

                if (tokenCount++ == 0)
                {
                    firstToken = Stopwatch.GetTimestamp();
                    timings["firstToken"] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }

                // Only verified sentences leave: the model's own words wait until their sentence has passed.
                if (stream.Add(token) is { Length: > 0 } verified)
                {
                    timings.TryAdd("firstVerified", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    yield return new AnswerToken(verified);
                }
            }
        }

        // The caller gave up: whatever the model or Semantic Kernel made of it, this answer is not complete.
        cancellationToken.ThrowIfCancellationRequested();
        stages.Lap("generate");
        AnsweringMetrics.Generated(tokenCount, tokenCount > 0 ? Stopwatch.GetElapsedTime(firstToken) : TimeSpan.Zero);
        if (failure is not null)
        {
            if (!_fallbackToQuote)
            {
                throw new InvalidOperationException($"Generation failed: {failure.Message}", failure);
            }

            if (lease.TimedOut)
            {
                yield return Remember(request, await OutOfTimeAsync(request, standalone, chinese, timings, cancellationToken).ConfigureAwait(false));
                yield break;
            }

            var notice = chinese ? $"模型出错（{failure.Message}），以下为原文摘录。" : $"The model failed ({failure.Message}); the answer below quotes the documents.";
            yield return Remember(request, new AnswerCompleted(Finish(await QuoteAnswerAsync(request, standalone, cancellationToken).ConfigureAwait(false) with { Notice = notice, Model = _prompts.ModelName }, timings)));
            yield break;
        }

        var text = stream.ModelText;
        Answer answer;
        if (NotFoundReply.IsNotFound(text))
        {
            // The model read the sources and says they do not answer: the standard not-found answer, in our words
            // (its own text kept for the audit trail).
            answer = assessment.AsNotFound() with { Verification = new VerificationReport { ModelText = text } };
            stages.Lap("verify");
        }
        else
        {
            var handling = safetyCritical ? UnsupportedSentenceHandling.Remove : _generation.UnsupportedSentences;
            var verified = GeneratedAnswerVerifier.Verify(text, sources, handling, chinese, translator: _retriever.Translator);
            stages.Lap("verify");
            answer = await JudgeAsync(verified, safetyCritical, request, question, standalone, response, assessment, chinese, cancellationToken).ConfigureAwait(false);
        }

        answer = answer with { Question = question, Model = _prompts.ModelName, StandaloneQuestion = Rewritten(question, standalone) };
        // The rest of the verified answer (its last sentence, or all of a safety answer that passed whole), so the
        // released text adds up to the answer.
        if (answer.Mode == AnswerMode.Generated && answer.Text.Length > stream.Released.Length && answer.Text.StartsWith(stream.Released, StringComparison.Ordinal))
        {
            timings.TryAdd("firstVerified", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            yield return new AnswerToken(answer.Text[stream.Released.Length..]);
        }

        yield return Remember(request, new AnswerCompleted(Finish(answer, timings)));
    }

    // Nothing the model wrote survived verification: claim nothing, show the closest passages instead. A safety
    // procedure that lost any sentence is not shown at all (one step missing is worse than none): the documents' own
    // words are, with the reason.
    private async Task<Answer> JudgeAsync(VerifiedAnswer verified, bool safetyCritical, AskRequest request, string question, string standalone, SearchResponse response, AnswerAssessment assessment, bool chinese, CancellationToken cancellationToken)
    {
        if (safetyCritical && verified.Report.Unsupported.Count > 0)
        {
            var notice = chinese
                ? "这是安全相关问题，模型回答中有内容未能在来源中核实，因此不显示模型回答，以下为文件原文。"
                : "This is a safety question and part of the model's answer could not be verified against the sources, so the model's answer is not shown; below are the documents' own words.";
            return await QuoteAnswerAsync(request, standalone, cancellationToken).ConfigureAwait(false) with { Notice = notice, Verification = verified.Report };
        }

        var answer = verified.HasSupportedClaims
            ? new Answer { Question = question, Text = verified.Text, Mode = AnswerMode.Generated, Outcome = AnswerOutcome.Answered, Language = response.Query.Language, Citations = verified.Citations, Support = assessment.Signals.Coverage, Answerability = assessment.Probability }
            : assessment.AsClosest(_answering);
        return answer with { Verification = verified.Report };
    }

    /// <summary>Reads (or, for an admin's action, writes) the serving index; safe beside concurrent answers.</summary>
    public T ReadIndex<T>(Func<Core.Index.SqliteIndex, T> read) => read(_retriever.Index);

    /// <summary>
    /// The model's translation of the question into the other language of the documents the caller may see, from the
    /// cache when asked before; none when those documents are all of the question's language or the lexical lane is off.
    /// </summary>
    private async Task<(string? Text, bool Called)> TranslateAsync(string question, AskRequest request, CancellationToken cancellationToken)
    {
        var target = request.Lanes.HasFlag(SearchLanes.Lexical)
            ? _retriever.TranslationTarget(Core.Ingestion.Metadata.LanguageDetector.Detect(question), _retriever.Index.AllowedDocuments(request.Filter))
            : null;

        if (target is not { } to || _prompts is null)
        {
            return (null, false);
        }

        if (_translations.TryGet(question, to, out var cached))
        {
            return (cached, false);
        }

        var translated = await _prompts.TranslateAsync(question, to == DocumentLanguage.Zh, cancellationToken).ConfigureAwait(false);
        _translations.Add(question, to, translated);
        return (translated, true);
    }

    /// <summary>A search over the serving retriever; concurrent searches and answers run in parallel.</summary>
    public Task<SearchResponse> SearchAsync(SearchRequest request, CancellationToken cancellationToken = default) =>
        _retriever.SearchAsync(request, cancellationToken);

    /// <summary>The prompt the model would get for a question (sources packed), for <c>--show-prompt</c> and benchmarks.</summary>
    public async Task<(string Prompt, IReadOnlyList<PromptSource> Sources)> BuildPromptAsync(string question, SearchFilter filter, CancellationToken cancellationToken = default)
    {
        var prompts = _prompts ?? throw new InvalidOperationException("No model is configured");
        var response = await _retriever.SearchAsync(new SearchRequest(question) { K = _answering.EvidenceChunks, Filter = filter }, cancellationToken).ConfigureAwait(false);

        var chinese = response.Query.Language is DocumentLanguage.Zh or DocumentLanguage.Mixed;
        var sources = await prompts.PackAsync(question, response.Hits, chinese, cancellationToken).ConfigureAwait(false);
        return (await prompts.RenderAnswerAsync(question, sources, chinese, cancellationToken).ConfigureAwait(false), sources);
    }

    public void Dispose() => _scheduler.Dispose();

    private async Task<Answer> QuoteAnswerAsync(AskRequest request, string question, CancellationToken cancellationToken) =>
        await _quote.AskAsync(question, request.Filter, request.Lanes, cancellationToken: cancellationToken).ConfigureAwait(false) with { Question = request.Question.Trim() };

    private AnswerCompleted Remember(AskRequest request, AnswerCompleted completed)
    {
        // A question naming an older revision is answered from the current one, with a note of what the named one said.
        if (SupersededRevisions.Named(request.Question) is not null
            && ReadIndex(index => SupersededRevisions.Note(request.Question, completed.Answer, index, request.Filter)) is { } note)
        {
            completed = new AnswerCompleted(completed.Answer with { Revision = note });
        }

        if (request.ConversationId is { } id)
        {
            _memory.Add(id, new ConversationTurn(completed.Answer.Question, completed.Answer.Text));
        }

        return completed;
    }

    // The request's time ran out while the model worked (rewriting, translating or answering): quote mode answers.
    private async Task<AnswerCompleted> OutOfTimeAsync(AskRequest request, string question, bool chinese, Dictionary<string, double> timings, CancellationToken cancellationToken)
    {
        var notice = chinese ? $"模型未在 {_generation.RequestTimeoutSeconds} 秒内完成，以下为原文摘录。" : $"The model did not finish within {_generation.RequestTimeoutSeconds} s; the answer below quotes the documents.";
        var quoted = await QuoteAnswerAsync(request, question, cancellationToken).ConfigureAwait(false);
        return new AnswerCompleted(Finish(quoted with { Notice = notice, Model = _prompts?.ModelName }, timings));
    }

    // A model call before the answer itself, which the request's deadline (not the caller) may end.
    private async Task<(bool InTime, T Value)> InTime<T>(Task<T> stage, GenerationLease lease, CancellationToken cancellationToken)
    {
        try
        {
            return (true, await stage.ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (lease.TimedOut && _fallbackToQuote && !cancellationToken.IsCancellationRequested)
        {
            return (false, default!);
        }
    }

    private static string? Rewritten(string question, string standalone) => standalone == question ? null : standalone;

    private static Answer Finish(Answer answer, Dictionary<string, double> timings)
    {
        timings["total"] = timings.Values.Sum();
        return answer with { TimingsMs = timings };
    }
}

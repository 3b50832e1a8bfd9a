using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Llm;
using IndustryCopilot.Hosting.Tests.Fixtures;
using IndustryCopilot.Llama.Tests.Fixtures;

namespace IndustryCopilot.Hosting.Tests.Answering;

/// <summary>The whole flow on the real path: Semantic Kernel → LLamaSharp → llama.cpp on CPU, with a tiny random model.</summary>
public sealed class LlamaPathTests(TinyModel tiny) : IClassFixture<TinyModel>
{
    private const string Question = "How often should the compressor oil be changed?";

    private ChatBackend Backend(Action<string>? observer = null) =>
        ChatBackends.FromLlama(tiny.Model, TinyModel.NoEndOfTurn, observer, ownsModel: false);

    [Fact]
    public async Task AskStreamingAsync_TinyModelThroughKernel_TokensThenVerifiedFinalAnswer()
    {
        using var plant = new Plant();
        string? prompt = null;
        using var orchestrator = plant.Orchestrator(Backend(p => prompt = p), new GenerationOptions { MaxAnswerTokens = 32 });

        var events = new List<AnswerEvent>();
        await foreach (var e in orchestrator.AskStreamingAsync(new AskRequest(Question)))
        {
            events.Add(e);
        }

        var tokens = events.OfType<AnswerToken>().ToList();
        var answer = Assert.IsType<AnswerCompleted>(events[^1]).Answer;
        Assert.Equal(events.Count - 1, tokens.Count);
        Assert.NotEmpty(answer.Verification!.ModelText);
        // Only verified sentences are released while the model writes: always the start of the final answer.
        Assert.StartsWith(string.Concat(tokens.Select(t => t.Text)), answer.Outcome == AnswerOutcome.Answered ? answer.Text : "", StringComparison.Ordinal);
        Assert.Equal("icp-tiny-test", answer.Model);
        // Random weights write random text: a verified answer, or (nothing verified / "not found") no claim at all.
        Assert.True(answer.Outcome == AnswerOutcome.Answered ? answer.Mode == AnswerMode.Generated : answer.Mode != AnswerMode.Generated, $"{answer.Outcome} {answer.Mode}");
        Assert.Empty(CitationVerifier.Problems(answer, plant.Chunk));
        Assert.StartsWith("<|im_start|>system\nYou are the document assistant", prompt, StringComparison.Ordinal);
        Assert.Contains("<|im_start|>user\nSources:\n\n[1] Air compressor maintenance (MM-AC-037) Rev 2 — 4 Maintenance > 4.2 Oil\n", prompt, StringComparison.Ordinal);
        Assert.EndsWith($"Question: {Question}<|im_end|>\n<|im_start|>assistant\n", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_ManyLongSources_PromptTrimmedToContextMinusAnswerBudget()
    {
        using var plant = new Plant();
        for (var d = 0; d < 12; d++)
        {
            plant.Index.Add($"log{d}", $"Compressor oil log {d}", DocumentLanguage.En,
                ("Oil change records", null, string.Join(" ", Enumerable.Range(1, 40).Select(i => $"Entry {i}: the compressor oil was changed after {1900 + i} operating hours and the filter was checked."))));
        }

        string? prompt = null;
        var options = new GenerationOptions { MaxAnswerTokens = 128 };
        using var orchestrator = new AnswerOrchestrator(plant.Index.Retriever, new AnsweringOptions { EvidenceChunks = 20 }, options, Backend(p => prompt = p), Plant.Prompts);

        var answer = Assert.IsType<AnswerCompleted>(await orchestrator.AskAsync(new AskRequest(Question))).Answer;

        var promptTokens = tiny.Model.TokenCounter.Count(prompt!);
        Assert.InRange(promptTokens, TinyModel.ContextSize - 128 - 400, TinyModel.ContextSize - 128);
        Assert.Contains(" …\n", prompt, StringComparison.Ordinal);
        Assert.NotNull(answer.Verification);
    }

    [Fact]
    public async Task AskAsync_EightConcurrentRequests_TwoRunFourWaitRestBusyNoCrash()
    {
        using var plant = new Plant();
        var model = new HeldChatClient(tiny.Model.CreateChatClient(TinyModel.NoEndOfTurn));
        using var backend = ChatBackends.FromChatClient(model, tiny.Model.TokenCounter, tiny.Model.ContextSize, tiny.Model.Name);
        using var orchestrator = plant.Orchestrator(backend, new GenerationOptions { MaxParallel = 2, MaxQueue = 4, MaxAnswerTokens = 200 });

        var asks = Enumerable.Range(0, 8).Select(_ => Task.Run(() => orchestrator.AskAsync(new AskRequest(Question)))).ToList();
        // Two hold the slots inside the model (the gate is shut), four wait: only the two turned away can finish now.
        await model.CallsArrived(2);
        var finished = new List<Task<AnswerEvent>>();
        while (finished.Count < 2)
        {
            finished.Add(await Until.Guarded(Task.WhenAny(asks.Except(finished)), "a turned-away request"));
        }

        Assert.All(finished, t => Assert.IsType<AnswerBusy>(t.Result));
        Assert.Equal(2, orchestrator.Scheduler.Running);
        Assert.Equal(4, orchestrator.Scheduler.Waiting);
        model.Gate.SetResult();
        var results = await Until.Guarded(Task.WhenAll(asks), "the six admitted answers");

        Assert.Equal(2, results.Count(r => r is AnswerBusy));
        Assert.Equal(6, results.Count(r => r is AnswerCompleted { Answer.Verification: not null }));
        Assert.Equal(2, model.Peak);
        Assert.Equal(0, orchestrator.Scheduler.Running);
    }

    [Fact]
    public async Task AskStreamingAsync_CancelledMidStream_SlotFreedAtOnce()
    {
        using var plant = new Plant();
        using var cancel = new CancellationTokenSource();
        // Cancelled once the model has its prompt and begins to write (random text rarely makes a verified sentence
        // to wait for, since only verified sentences are released).
        using var orchestrator = plant.Orchestrator(Backend(_ => cancel.Cancel()), new GenerationOptions { MaxParallel = 1, MaxQueue = 0, MaxAnswerTokens = 1500 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var e in orchestrator.AskStreamingAsync(new AskRequest(Question), cancel.Token))
            {
            }
        });

        Assert.Equal(0, orchestrator.Scheduler.Running);
        Assert.IsType<AnswerCompleted>(await orchestrator.AskAsync(new AskRequest(Question)));
    }
}

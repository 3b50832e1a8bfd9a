using System.Runtime.CompilerServices;
using System.Text;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Retrieval;
using IndustryCopilot.Hosting.Llm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace IndustryCopilot.Hosting.Answering;

/// <summary>
/// The Semantic Kernel side of answering: the prompt templates as kernel functions over the model registered as the
/// kernel's chat completion service, the context budget (sources trimmed to what the window leaves after the fixed
/// prompt and the answer), and the two calls — rewrite a follow-up, stream an answer.
/// </summary>
internal sealed class AnswerPrompts
{
    // Chat template tokens around each message, and rounding in the approximate counter.
    private const int TemplateMargin = 32;
    private const int HistoryAnswerChars = 300;

    private readonly Kernel _kernel;
    private readonly ChatBackend _backend;
    private readonly GenerationOptions _options;
    private readonly PromptLibrary _library;
    private readonly Dictionary<(string, bool), KernelFunction> _functions = [];
    private readonly KernelPromptTemplateFactory _templates = new();

    public AnswerPrompts(ChatBackend backend, PromptLibrary library, GenerationOptions options)
    {
        if (backend.ContextSize < options.MaxAnswerTokens + 256)
        {
            throw new InvalidOperationException($"The model's context ({backend.ContextSize} tokens) must exceed Llm:MaxAnswerTokens ({options.MaxAnswerTokens}) by at least 256 tokens");
        }

        _backend = backend;
        _options = options;
        _library = library;
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(backend.Chat);
        _kernel = builder.Build();
        foreach (var name in PromptLibrary.Variables.Keys)
        {
            foreach (var chinese in new[] { false, true })
            {
                // A translation is a rewrite of the question too: the same short budget.
                var maxTokens = name == PromptLibrary.Answer ? options.MaxAnswerTokens : options.MaxCondensedTokens;
                _functions[(name, chinese)] = KernelFunctionFactory.CreateFromPrompt(Config(name, chinese, maxTokens), _templates);
            }
        }
    }

    public string ModelName => _backend.ModelName;

    /// <summary>The sources that fit, numbered in prompt order, for a question.</summary>
    public async Task<IReadOnlyList<PromptSource>> PackAsync(string question, IReadOnlyList<RetrievedChunk> hits, bool chinese, CancellationToken cancellationToken)
    {
        var fixedPart = await RenderAsync(PromptLibrary.Answer, chinese, Arguments(question, ""), cancellationToken).ConfigureAwait(false);
        var budget = _backend.ContextSize - _options.MaxAnswerTokens - _backend.Tokens.Count(fixedPart) - TemplateMargin;
        return SourcePacker.Pack(hits, Math.Max(0, budget), _backend.Tokens);
    }

    /// <summary>The prompt text as rendered from the template (variable values encoded, before the chat template).</summary>
    public Task<string> RenderAnswerAsync(string question, IReadOnlyList<PromptSource> sources, bool chinese, CancellationToken cancellationToken) =>
        RenderAsync(PromptLibrary.Answer, chinese, Arguments(question, SourcePacker.Render(sources)), cancellationToken);

    /// <summary>Streams the model's answer text.</summary>
    public async IAsyncEnumerable<string> AnswerAsync(string question, IReadOnlyList<PromptSource> sources, bool chinese, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var function = _functions[(PromptLibrary.Answer, chinese)];
        await foreach (var update in _kernel.InvokeStreamingAsync<StreamingChatMessageContent>(function, Arguments(question, SourcePacker.Render(sources)), cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrEmpty(update.Content))
            {
                yield return update.Content;
            }
        }
    }

    /// <summary>The follow-up rewritten as a standalone question; the question itself if the model gives nothing usable.</summary>
    public async Task<string> CondenseAsync(string question, IReadOnlyList<ConversationTurn> history, bool chinese, CancellationToken cancellationToken)
    {
        var lines = new StringBuilder();
        foreach (var turn in history)
        {
            var answer = turn.Answer.Length > HistoryAnswerChars ? turn.Answer[..HistoryAnswerChars] + "…" : turn.Answer;
            lines.Append(chinese ? "用户：" : "User: ").Append(turn.Question).Append('\n')
                 .Append(chinese ? "助手：" : "Assistant: ").Append(answer.Replace('\n', ' ')).Append('\n');
        }

        var arguments = new KernelArguments { ["history"] = lines.ToString().TrimEnd(), ["question"] = question };
        var result = await _kernel.InvokeAsync(_functions[(PromptLibrary.CondenseQuestion, chinese)], arguments, cancellationToken).ConfigureAwait(false);
        var rewritten = (result.GetValue<string>() ?? "").Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim().Trim('"', '“', '”') ?? "";
        foreach (var prefix in new[] { "Standalone question:", "Question:", "完整问题：", "问题：" })
        {
            if (rewritten.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                rewritten = rewritten[prefix.Length..].Trim();
            }
        }

        // A rewrite that is empty or rambles is not a question to search with.
        return rewritten.Length == 0 || rewritten.Length > (question.Length * 4) + 200 ? question : rewritten;
    }

    /// <summary>
    /// The question translated by the model (into Chinese when <paramref name="toChinese"/>, else English); null when
    /// the model gives nothing usable. One short call, its length bounded like a rewrite's.
    /// </summary>
    public async Task<string?> TranslateAsync(string question, bool toChinese, CancellationToken cancellationToken)
    {
        var result = await _kernel.InvokeAsync(_functions[(PromptLibrary.TranslateQuestion, toChinese)], new KernelArguments { ["question"] = question }, cancellationToken).ConfigureAwait(false);
        var line = (result.GetValue<string>() ?? "").Trim().Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim().Trim('"', '“', '”') ?? "";
        return line.Length == 0 || line.Length > (question.Length * 4) + 200 ? null : line;
    }

    private static KernelArguments Arguments(string question, string sources) => new() { ["sources"] = sources, ["question"] = question };

    private async Task<string> RenderAsync(string name, bool chinese, KernelArguments arguments, CancellationToken cancellationToken) =>
        await _templates.Create(Config(name, chinese, 0)).RenderAsync(_kernel, arguments, cancellationToken).ConfigureAwait(false);

    private PromptTemplateConfig Config(string name, bool chinese, int maxTokens)
    {
        var config = new PromptTemplateConfig(_library.Get(name, chinese)) { Name = name.Replace('-', '_'), TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat };
        if (maxTokens > 0)
        {
            var settings = new PromptExecutionSettings { ExtensionData = new Dictionary<string, object> { ["max_tokens"] = maxTokens, ["temperature"] = _options.Temperature } };
            if (_options.Seed != 0)
            {
                settings.ExtensionData["seed"] = _options.Seed;
            }

            config.AddExecutionSettings(settings);
        }

        return config;
    }
}

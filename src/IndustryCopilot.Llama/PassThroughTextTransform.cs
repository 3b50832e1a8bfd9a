using LLama.Abstractions;

namespace IndustryCopilot.Llama;

/// <summary>
/// Hands each token on as soon as it is decoded. LLamaSharp's default holds tokens back to strip "User:"-style
/// keywords, which delays streaming and lets a cancelled request run on for a dozen tokens; with the model's own chat
/// template those keywords do not occur.
/// </summary>
internal sealed class PassThroughTextTransform : ITextStreamTransform
{
    public IAsyncEnumerable<string> TransformAsync(IAsyncEnumerable<string> tokens) => tokens;

    public ITextStreamTransform Clone() => this;
}

namespace IndustryCopilot.Core.Answering.Verification;

/// <summary>A sentence of generated text: its words without [n] markers, the source numbers it cites, and the text that followed it (spacing, line breaks).</summary>
internal sealed record AnswerSentence(string Body, IReadOnlyList<int> Sources, string Separator);

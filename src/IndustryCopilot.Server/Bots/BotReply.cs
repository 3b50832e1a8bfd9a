using IndustryCopilot.Core.Answering;

namespace IndustryCopilot.Server.Bots;

/// <summary>What a bot sends back: the text (help, refusal, busy, or the answer), and the answer itself when there is one, for channel-specific cards.</summary>
internal sealed record BotReply(string Text, Answer? Answer = null);

namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>Counts tokens the way the generating model will, so the prompt is built to fit its context window.</summary>
public interface ITokenCounter
{
    int Count(string text);
}

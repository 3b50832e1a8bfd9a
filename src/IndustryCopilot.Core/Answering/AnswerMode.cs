namespace IndustryCopilot.Core.Answering;

/// <summary>How an answer was produced.</summary>
public enum AnswerMode
{
    /// <summary>Verbatim sentences from the documents, each cited.</summary>
    Quote,

    /// <summary>Written by the language model from cited sources, citations verified.</summary>
    Generated,

    /// <summary>The documents do not answer the question; nothing is claimed.</summary>
    Refused,
}

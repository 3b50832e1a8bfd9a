namespace IndustryCopilot.Core.Answering;

/// <summary>What an answer claims, whatever wrote it.</summary>
public enum AnswerOutcome
{
    /// <summary>The cited sentences (or the model's verified text) answer the question.</summary>
    Answered,

    /// <summary>
    /// No direct answer was found, but these are the closest passages: quoted verbatim with citations under a label
    /// saying so, never presented as the answer.
    /// </summary>
    Closest,

    /// <summary>Nothing in the documents the caller may see is relevant; nothing is quoted.</summary>
    NotFound,
}

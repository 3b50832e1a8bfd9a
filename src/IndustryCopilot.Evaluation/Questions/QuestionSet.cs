namespace IndustryCopilot.Evaluation.Questions;

/// <summary>A named set of questions and the folder of documents they are asked about.</summary>
public sealed record QuestionSet(string Name, IReadOnlyList<EvalQuestion> Questions, string CorpusDirectory)
{
    /// <summary>Questions of the file left out because their gold passage is not in the corpus (the caller reports them).</summary>
    public int LeftOut { get; init; }
}

namespace IndustryCopilot.Evaluation.Questions;

/// <summary>A named set of questions and the folder of documents they are asked about.</summary>
public sealed record QuestionSet(string Name, IReadOnlyList<EvalQuestion> Questions, string CorpusDirectory);

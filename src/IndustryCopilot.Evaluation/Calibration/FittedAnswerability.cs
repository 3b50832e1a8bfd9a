using IndustryCopilot.Core.Answering.Answerability;

namespace IndustryCopilot.Evaluation.Calibration;

/// <summary>A fitted answerability model and the two thresholds chosen for it on the same training sets.</summary>
public sealed record FittedAnswerability(AnswerabilityModel Model, double GateThreshold, double AnswerThreshold);

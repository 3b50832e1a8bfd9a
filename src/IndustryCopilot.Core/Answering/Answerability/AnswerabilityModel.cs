namespace IndustryCopilot.Core.Answering.Answerability;

/// <summary>
/// Logistic model of "the quoted sentences answer the question": p = σ(bias + Σ weightᵢ · signalᵢ) over
/// <see cref="AnswerabilitySignals.Vector"/>. <see cref="Default"/> was fitted by <c>icp eval --cross-validate</c> over
/// all the shared question sets together (docs/evaluation.md gives the run and its cross-validated figures). The
/// thresholds applied to it are options (<see cref="AnsweringOptions.GateThreshold"/>, <see cref="AnsweringOptions.AnswerThreshold"/>).
/// </summary>
public sealed record AnswerabilityModel(double Bias, IReadOnlyList<double> Weights)
{
    /// <summary>The fitted model shipped as the default.</summary>
    public static AnswerabilityModel Default { get; } = new(-10.3058,
    [
        4.6947, // coverage
        0.4466, // top_coverage
        2.0293, // top3_coverage
        4.0370, // unseen_share
        1.3276, // identifiers_found
        -0.5801, // identifiers_missing
        -0.1002, // named_document_top
        2.0953, // identifier_lane_top
        0.6755, // lane_agreement
        1.5765, // score_gap
        -3.1415, // dense_top
        0.7366, // has_dense
        -0.3409, // number_asked_none_found
        2.5411, // log_terms
        -0.7366, // chinese
        0.5054, // sentence_coverage
        -0.1597, // sentence_coverage_top
    ]);

    /// <summary>Probability (0–1) that the evidence answers the question.</summary>
    public double Probability(AnswerabilitySignals signals) => Probability(signals.Vector());

    public double Probability(IReadOnlyList<double> vector)
    {
        var z = Bias;
        for (var i = 0; i < Weights.Count; i++)
        {
            z += Weights[i] * vector[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Throws when the weights do not match the signals.</summary>
    public void Validate()
    {
        if (Weights.Count != AnswerabilitySignals.Names.Count || Weights.Any(w => !double.IsFinite(w)) || !double.IsFinite(Bias))
        {
            throw new InvalidOperationException($"The answerability model needs {AnswerabilitySignals.Names.Count} finite weights ({string.Join(", ", AnswerabilitySignals.Names)}) and a finite bias");
        }
    }
}

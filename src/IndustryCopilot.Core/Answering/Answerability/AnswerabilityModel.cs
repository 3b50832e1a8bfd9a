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
    public static AnswerabilityModel Default { get; } = new(-9.9267,
    [
        4.5542, // coverage
        0.6848, // top_coverage
        2.1589, // top3_coverage
        4.3718, // unseen_share
        1.2500, // identifiers_found
        -0.5266, // identifiers_missing
        -0.0507, // named_document_top
        2.1724, // identifier_lane_top
        0.3329, // lane_agreement
        1.5294, // score_gap
        -2.8004, // dense_top
        0.6357, // has_dense
        -0.3700, // number_asked_none_found
        2.3951, // log_terms
        -0.6357, // chinese
        0.4345, // sentence_coverage
        -0.2519, // sentence_coverage_top
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

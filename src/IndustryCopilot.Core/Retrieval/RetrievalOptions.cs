namespace IndustryCopilot.Core.Retrieval;

/// <summary>Fusion and candidate settings of hybrid retrieval (configuration section <c>Retrieval</c>).</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>Candidates each lane contributes to fusion. Default 50.</summary>
    public int CandidatesPerLane { get; set; } = 50;

    /// <summary>The k of reciprocal rank fusion, 1/(k + rank): larger flattens the head. Default 60.</summary>
    public int RrfK { get; set; } = 60;

    /// <summary>Weight of the lexical lane in fusion. Default 1.</summary>
    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>Weight of the dense lane in fusion. Default 1.</summary>
    public double DenseWeight { get; set; } = 1.0;

    /// <summary>Weight of the identifier lane; above the other two together so exact matches rank first. Default 3.</summary>
    public double IdentifierWeight { get; set; } = 3.0;

    /// <summary>
    /// Glossary file (TSV, one synonym set per line). Relative paths are looked up in the data directory, then the
    /// corpus folders. Default <c>glossary.tsv</c>; a missing file means no expansion.
    /// </summary>
    public string GlossaryFile { get; set; } = "glossary.tsv";

    public double Weight(SearchLane lane) => lane switch
    {
        SearchLane.Lexical => LexicalWeight,
        SearchLane.Dense => DenseWeight,
        _ => IdentifierWeight,
    };

    public void Validate()
    {
        if (CandidatesPerLane is < 1 or > 1000 || RrfK is < 1 or > 1000)
        {
            throw new InvalidOperationException("Retrieval: CandidatesPerLane and RrfK must be 1–1000");
        }

        if (LexicalWeight < 0 || DenseWeight < 0 || IdentifierWeight < 0)
        {
            throw new InvalidOperationException("Retrieval: lane weights must not be negative");
        }
    }
}

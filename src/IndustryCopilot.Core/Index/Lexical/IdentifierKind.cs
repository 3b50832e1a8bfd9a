namespace IndustryCopilot.Core.Index.Lexical;

/// <summary>What an identifier in text names.</summary>
public enum IdentifierKind
{
    /// <summary>A clause or article label: <c>第21条</c>, <c>5.3.2</c>.</summary>
    Clause,

    /// <summary>A standard, regulation or document number: <c>gb/t1804-2000</c>, <c>29cfr1910.147</c>.</summary>
    DocumentNumber,

    /// <summary>A fault or alarm code, part number or dimension: <c>e-203</c>, <c>m12x1.5</c>.</summary>
    Code,

    /// <summary>A value with its unit: <c>1.6mpa</c>, <c>19.5%</c>.</summary>
    Value,
}

namespace IndustryCopilot.Core.Index.Lexical;

/// <summary>
/// An identifier as a lexical term. <paramref name="Group"/> is shared by spellings of the same identifier
/// (<c>e-203</c> and <c>e203</c>; <c>gb/t1804-2000</c> and <c>gb/t1804</c>): a chunk holding any of them matches.
/// </summary>
public sealed record Identifier(IdentifierKind Kind, string Term, string Group)
{
    public Identifier(IdentifierKind kind, string term)
        : this(kind, term, term)
    {
    }
}

using System.Buffers;

namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>A numbering label at the start of a block.</summary>
/// <param name="Kind">The label's kind.</param>
/// <param name="Label">The label as written, without trailing punctuation (<c>第二十一条</c>, <c>5.3.2</c>, <c>(c)(4)</c>).</param>
/// <param name="Depth">Nesting depth: dotted numbers count their parts; Chinese part/chapter/section/article are 1–4.</param>
/// <param name="Rest">The text after the label, trimmed.</param>
public sealed record ClauseLabel(ClauseKind Kind, string Label, int Depth, string Rest)
{
    /// <summary>True when the label starts a citable unit of its own (article, numbered/annex clause, CFR paragraph).</summary>
    public bool IsUnit => Kind is ClauseKind.Article or ClauseKind.Numbered or ClauseKind.Annex or ClauseKind.Regulatory;

    /// <summary>True when the label names a division above articles (编, 部分, 章, 节).</summary>
    public bool IsDivision => Kind is ClauseKind.Part or ClauseKind.Chapter or ClauseKind.Section;

    /// <summary>
    /// True when the block reads as a title rather than running text: short and without sentence punctuation,
    /// e.g. "5.3 Tolerances" or "第二章 生产经营单位的安全生产保障".
    /// </summary>
    public bool IsTitleLike => Rest.Length <= 60 && Rest.AsSpan().IndexOfAny(SentenceEnds) < 0
        && !Rest.EndsWith('.') && !Rest.Contains(". ", StringComparison.Ordinal);

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。；：;:！？!?，,");
}

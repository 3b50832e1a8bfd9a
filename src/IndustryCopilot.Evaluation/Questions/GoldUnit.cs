namespace IndustryCopilot.Evaluation.Questions;

/// <summary>
/// One piece of evidence a question needs: a document (path relative to the corpus folder) and, within it, an article
/// label (<c>第二十一条</c>), a 1-based page, or nothing (the whole document is the unit — a passage or a section).
/// </summary>
public sealed record GoldUnit(string Doc, string? Article = null, int? Page = null, string? Quote = null)
{
    public string Key => Article is not null ? $"{Doc}#{Article}" : Page is not null ? $"{Doc}#p{Page}" : Doc;
}

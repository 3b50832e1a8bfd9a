namespace IndustryCopilot.Core.Documents;

/// <summary>
/// Metadata a person supplies for a document, from a sidecar <c>&lt;file&gt;.meta.json</c> or from CLI options.
/// Every field is optional; supplied values win over what is detected from the document's text.
/// </summary>
public sealed record DocumentMetadata
{
    public string? Title { get; init; }

    /// <summary>Document number such as <c>GB/T 1804-2000</c>, <c>SOP-PR-017</c> or <c>29 CFR 1910.147</c>.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Revision or edition label as written, e.g. <c>Rev. C</c>, <c>第2版</c>.</summary>
    public string? Revision { get; init; }

    /// <summary>Issue, amendment or effective date.</summary>
    public DateOnly? EffectiveDate { get; init; }

    /// <summary>Free-form document type such as <c>sop</c>, <c>manual</c>, <c>standard</c>, <c>regulation</c>.</summary>
    public string? DocType { get; init; }

    public string? Equipment { get; init; }

    public string? Line { get; init; }

    /// <summary>Access groups allowed to see the document; <c>public</c> when none is given.</summary>
    public IReadOnlyList<string>? AccessGroups { get; init; }

    /// <summary>
    /// Other names people use for the document — a short title (<c>消防法</c>), an abbreviation, an old number — found in
    /// questions as its title is, so a question naming one searches that document first.
    /// </summary>
    public IReadOnlyList<string>? Aliases { get; init; }

    /// <summary>Returns this metadata with every field that is unset here taken from <paramref name="fallback"/>.</summary>
    public DocumentMetadata Over(DocumentMetadata fallback) => new()
    {
        Title = Title ?? fallback.Title,
        DocumentNumber = DocumentNumber ?? fallback.DocumentNumber,
        Revision = Revision ?? fallback.Revision,
        EffectiveDate = EffectiveDate ?? fallback.EffectiveDate,
        DocType = DocType ?? fallback.DocType,
        Equipment = Equipment ?? fallback.Equipment,
        Line = Line ?? fallback.Line,
        AccessGroups = AccessGroups is { Count: > 0 } ? AccessGroups : fallback.AccessGroups,
        Aliases = Aliases is { Count: > 0 } ? Aliases : fallback.Aliases,
    };
}

namespace IndustryCopilot.Core.Retrieval;

/// <summary>
/// Restricts a search to documents by their metadata. Applied inside each lane's index query, so a filtered search
/// returns the best k of the allowed documents, not the allowed part of a global top k. Empty lists mean "any".
/// </summary>
public sealed record SearchFilter
{
    /// <summary>No restriction except that superseded revisions are left out.</summary>
    public static SearchFilter None { get; } = new();

    public IReadOnlyList<string> DocumentIds { get; init; } = [];

    public IReadOnlyList<string> DocTypes { get; init; } = [];

    /// <summary>Document languages: <c>zh</c>, <c>en</c>, <c>mixed</c>.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public IReadOnlyList<string> Equipment { get; init; } = [];

    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>
    /// The caller's access groups: a document is visible when it shares at least one. Null means the caller is not
    /// restricted (the local administrator's CLI); an empty list sees nothing.
    /// </summary>
    public IReadOnlyList<string>? AccessGroups { get; init; }

    /// <summary>Also search revisions that a newer one replaced. Default false.</summary>
    public bool IncludeSuperseded { get; init; }

    /// <summary>Parses <c>key=value</c> pairs: <c>doc</c>, <c>type</c>, <c>lang</c>, <c>equipment</c>, <c>line</c>, <c>group</c> (repeatable).</summary>
    public static SearchFilter Parse(IEnumerable<string> pairs, bool includeSuperseded = false)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == pair.Length - 1)
            {
                throw new FormatException($"filter '{pair}' is not key=value");
            }

            var key = pair[..eq].Trim().ToLowerInvariant();
            if (key is not ("doc" or "type" or "lang" or "equipment" or "line" or "group"))
            {
                throw new FormatException($"unknown filter key '{key}' (use doc, type, lang, equipment, line, group)");
            }

            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
            }

            list.Add(pair[(eq + 1)..].Trim());
        }

        return new SearchFilter
        {
            DocumentIds = values.GetValueOrDefault("doc") ?? [],
            DocTypes = values.GetValueOrDefault("type") ?? [],
            Languages = values.GetValueOrDefault("lang") ?? [],
            Equipment = values.GetValueOrDefault("equipment") ?? [],
            Lines = values.GetValueOrDefault("line") ?? [],
            AccessGroups = values.GetValueOrDefault("group"),
            IncludeSuperseded = includeSuperseded,
        };
    }
}

namespace IndustryCopilot.Core.Index.Search;

/// <summary>An embedding model as an index records it: id and vector length (vectors of two models never mix).</summary>
public sealed record VectorModel(string Id, int Dimension)
{
    /// <summary><c>{Id}|{Dimension}</c>, the form the SQLite catalog stores.</summary>
    public string Key => $"{Id}|{Dimension}";

    /// <summary>Parses <see cref="Key"/>; null when the text is not one.</summary>
    public static VectorModel? FromKey(string? key)
    {
        var bar = key?.LastIndexOf('|') ?? -1;
        return bar > 0 && int.TryParse(key![(bar + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var dimension) && dimension > 0
            ? new VectorModel(key[..bar], dimension)
            : null;
    }
}

namespace IndustryCopilot.Core.Index;

/// <summary>
/// Chunk ids and the catalog's row ids both ways, for one index generation. Search indexes speak chunk ids (stable
/// across stores); the retriever's fusion and the catalog's lookups speak row ids (cheap).
/// </summary>
public sealed class ChunkRowMap
{
    private readonly Dictionary<string, long> _rows;
    private readonly Dictionary<long, string> _ids;

    public ChunkRowMap(IEnumerable<(long RowId, string ChunkId)> pairs)
    {
        _rows = new(StringComparer.Ordinal);
        _ids = [];
        foreach (var (row, id) in pairs)
        {
            _rows[id] = row;
            _ids[row] = id;
        }
    }

    public int Count => _rows.Count;

    public long? RowOf(string chunkId) => _rows.TryGetValue(chunkId, out var row) ? row : null;

    public string? IdOf(long rowId) => _ids.GetValueOrDefault(rowId);
}

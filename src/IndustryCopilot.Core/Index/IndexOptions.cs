using IndustryCopilot.Core.Settings;

namespace IndustryCopilot.Core.Index;

/// <summary>Where the embedded index lives. Bound from <c>Index</c>; the data directory follows one rule everywhere (see docs/configuration.md).</summary>
public sealed class IndexOptions : IValidatedOptions
{
    public const string Section = "Index";

    /// <summary>Directory holding <c>index.db</c>. Default <c>./data</c>; overridden by <c>ICP_DATA_DIR</c> and <c>--data-dir</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Where the search lanes run: <c>embedded</c> (default; postings and vectors in this process) or <c>qdrant</c>
    /// (points in Qdrant, see <c>Qdrant:*</c>). The SQLite file remains the catalog of documents and chunks either way.
    /// </summary>
    public IndexProvider Provider { get; set; } = IndexProvider.Embedded;

    /// <summary>Full path of the SQLite file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "index.db");

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return $"{Section}:DataDirectory must not be empty";
        }
    }
}

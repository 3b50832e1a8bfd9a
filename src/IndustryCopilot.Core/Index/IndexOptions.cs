using System.ComponentModel.DataAnnotations;

namespace IndustryCopilot.Core.Index;

/// <summary>Where the embedded index lives. Bound from <c>Index</c>; the data directory follows one rule everywhere (see README).</summary>
public sealed class IndexOptions
{
    public const string Section = "Index";

    /// <summary>Directory holding <c>index.db</c>. Default <c>./data</c>; overridden by <c>ICP_DATA_DIR</c> and <c>--data-dir</c>.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>Full path of the SQLite file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "index.db");

    public void Validate() => Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
}

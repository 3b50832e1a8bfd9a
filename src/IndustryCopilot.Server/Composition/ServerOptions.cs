using IndustryCopilot.Core.Settings;
namespace IndustryCopilot.Server.Composition;

/// <summary>What the server does at start (configuration section <c>Server</c>).</summary>
public sealed class ServerOptions : IValidatedOptions
{
    public const string Section = "Server";

    /// <summary>
    /// Folders indexed in the background when the server starts (relative to the current folder). Default: none
    /// configured, which means <c>corpus</c>; a configured list replaces it.
    /// </summary>
    public string[] WatchedFolders { get; set; } = [];

    /// <summary>The folders to index: <see cref="WatchedFolders"/>, or <c>corpus</c> when none is configured.</summary>
    // The default cannot be the property's initial value: configuration binding appends to an array, so a configured
    // folder would come after "corpus" instead of replacing it.
    public IReadOnlyList<string> Folders => WatchedFolders.Length > 0 ? WatchedFolders : ["corpus"];

    /// <summary>
    /// Let callers on this machine in without a key (as readers of <c>public</c> documents). For a developer's
    /// workstation only. Default false: every API call needs a key (<c>icp keys add</c>).
    /// </summary>
    public bool AllowAnonymousLoopback { get; set; }

    /// <summary>API requests per minute allowed to one key. Default 120.</summary>
    public int RequestsPerMinute { get; set; } = 120;

    /// <summary>Index the watched folders at start. Default true.</summary>
    public bool IndexOnStart { get; set; } = true;

    /// <summary>Largest file <c>POST /api/documents</c> accepts, in MiB. Default 100.</summary>
    public int MaxUploadMegabytes { get; set; } = 100;

    /// <summary>Where uploaded files are kept (and indexed from at every start). Default: <c>uploads</c> in the data directory.</summary>
    public string? UploadDirectory { get; set; }

    /// <summary>
    /// The web page's language for people who have not picked one (<c>zh</c> or <c>en</c>); unset, the browser's language
    /// decides. A person's own choice (the 中文/EN switch) is remembered per person on that computer and wins.
    /// </summary>
    public string? DefaultLanguage { get; set; }

    /// <summary>The upload folder, absolute.</summary>
    public string Uploads(string dataDirectory) => Path.GetFullPath(UploadDirectory ?? Path.Combine(dataDirectory, "uploads"));

    public IEnumerable<string> Problems()
    {
        if (MaxUploadMegabytes is < 1 or > 4096)
        {
            yield return $"{Section}:MaxUploadMegabytes must be between 1 and 4096";
        }

        if (RequestsPerMinute is < 1 or > 1_000_000)
        {
            yield return $"{Section}:RequestsPerMinute must be between 1 and 1000000";
        }

        if (DefaultLanguage is not (null or "zh" or "en"))
        {
            yield return $"{Section}:DefaultLanguage must be zh or en (or unset to follow the browser), not '{DefaultLanguage}'";
        }

        if (WatchedFolders.Any(string.IsNullOrWhiteSpace))
        {
            yield return $"{Section}:WatchedFolders must not hold empty entries";
        }
    }
}

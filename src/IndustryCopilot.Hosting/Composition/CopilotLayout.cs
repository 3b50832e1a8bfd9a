using IndustryCopilot.Core.Index;
using IndustryCopilot.Hosting.Store;
using Microsoft.Extensions.Configuration;

namespace IndustryCopilot.Hosting.Composition;

/// <summary>
/// The three settings that decide which services exist (rather than how they behave): the data directory, where the
/// search lanes run and where the records live. Read before the container is built; every other value is checked at start.
/// </summary>
public sealed record CopilotLayout(string DataDirectory, IndexProvider Index, StoreProvider Store)
{
    /// <summary>The data directory is <c>--data-dir</c>, else <c>ICP_DATA_DIR</c>, else <c>Index:DataDirectory</c>, else <c>./data</c>.</summary>
    public static CopilotLayout Read(IConfiguration configuration, string? dataDirFlag)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var dataDirectory = dataDirFlag
            ?? Environment.GetEnvironmentVariable("ICP_DATA_DIR")
            ?? configuration[$"{IndexOptions.Section}:DataDirectory"]
            ?? "data";
        // An unknown provider name leaves the default here; the start-up check reports it with every other problem.
        var index = configuration.Peek<IndexOptions>(IndexOptions.Section);
        var store = configuration.Peek<StoreOptions>(StoreOptions.Section);
        return new CopilotLayout(Path.GetFullPath(dataDirectory), index.Provider, store.Provider);
    }
}

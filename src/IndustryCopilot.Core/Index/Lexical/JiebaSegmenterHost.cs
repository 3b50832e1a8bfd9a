using JiebaNet.Segmenter;

namespace IndustryCopilot.Core.Index.Lexical;

/// <summary>
/// One process-wide jieba segmenter. Its dictionaries are copied from the package to <c>jieba/</c> beside the
/// assemblies (see the Core project file); loading them takes about a second, so it happens once.
/// </summary>
internal static class JiebaSegmenterHost
{
    private static readonly Lazy<JiebaSegmenter> Instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock Gate = new();

    public static IEnumerable<string> CutForSearch(string text)
    {
        var segmenter = Instance.Value;
        lock (Gate)
        {
            return segmenter.CutForSearch(text, hmm: true).ToList();
        }
    }

    /// <summary>Precise mode: each character in one word, no overlapping sub-words (what a translator looks up).</summary>
    public static IReadOnlyList<string> Cut(string text)
    {
        var segmenter = Instance.Value;
        lock (Gate)
        {
            return segmenter.Cut(text, cutAll: false, hmm: true).ToList();
        }
    }

    private static JiebaSegmenter Create()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "jieba");
        if (!File.Exists(Path.Combine(directory, "dict.txt")))
        {
            throw new FileNotFoundException($"jieba dictionary not found in {directory}; rebuild so the jieba.NET Resources are copied to the output.", Path.Combine(directory, "dict.txt"));
        }

        ConfigManager.ConfigFileBaseDir = directory;
        return new JiebaSegmenter();
    }
}

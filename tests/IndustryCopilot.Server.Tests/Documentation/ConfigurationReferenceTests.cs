using IndustryCopilot.Server.Tests.Fixtures;

namespace IndustryCopilot.Server.Tests.Documentation;

/// <summary>docs/configuration.md's reference is what the options classes say; run with ICP_UPDATE_DOCS=1 to rewrite it.</summary>
public sealed class ConfigurationReferenceTests
{
    private static readonly string DocPath = Path.Combine(CorpusServer.RepositoryRoot, "docs", "configuration.md");

    [Fact]
    public void ConfigurationDoc_ComparedWithOptionsClasses_SameKeysDefaultsAndMeanings()
    {
        var (generated, undocumented) = ConfigurationReference.Generate();
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        var begin = doc.IndexOf(ConfigurationReference.Begin, StringComparison.Ordinal);
        var end = doc.IndexOf(ConfigurationReference.End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"{DocPath} lacks the generated block's markers");
        var current = doc[begin..(end + ConfigurationReference.End.Length)];
        if (Environment.GetEnvironmentVariable("ICP_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, doc[..begin] + generated.ReplaceLineEndings("\n") + doc[(end + ConfigurationReference.End.Length)..]);
            current = generated.ReplaceLineEndings("\n");
        }

        Assert.Empty(undocumented);
        Assert.True(
            current == generated.ReplaceLineEndings("\n"),
            "docs/configuration.md differs from the options classes; regenerate it: ICP_UPDATE_DOCS=1 dotnet test tests/IndustryCopilot.Server.Tests --filter ConfigurationReference");
    }

    [Fact]
    public void Generate_EveryBoundSection_Listed()
    {
        var (generated, _) = ConfigurationReference.Generate();

        foreach (var key in new[] { "`Index:Provider`", "`Llm:MaxParallel`", "`Llm:Provider`", "`Llm:LlamaSharp:ModelPath`", "`Llm:OpenAICompatible:BaseUrl`", "`Qdrant:Url`", "`Server:RequestsPerMinute`", "`Bots:WeCom:Access:Users:<name>`", "`Ocr:WorkDirectory`", "`Embeddings:Dimension`" })
        {
            Assert.Contains(key, generated, StringComparison.Ordinal);
        }

        Assert.Contains("| `Server:RequestsPerMinute` | `120` | `ICP_Server__RequestsPerMinute` |", generated, StringComparison.Ordinal);
    }
}

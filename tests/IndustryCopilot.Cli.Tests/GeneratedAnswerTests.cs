using System.Text.Json;
using IndustryCopilot.Cli.Tests.Fixtures;
using IndustryCopilot.Llama.Tests.Fixtures;

namespace IndustryCopilot.Cli.Tests;

/// <summary><c>icp ask --model</c> and <c>icp bench llm</c> with the tiny random GGUF model on the real llama.cpp path.</summary>
public sealed class GeneratedAnswerTests
{
    private static readonly string Corpus = Path.Combine(IcpProcess.RepositoryRoot, "corpus");

    [Fact]
    public void Ask_WithModel_StreamsThenReportsVerificationAndModel()
    {
        using var dir = new TempDirectory();
        var model = Path.Combine(dir.Path, "tiny.gguf");
        TinyGguf.Write(model);
        string[] data = ["--data-dir", Path.Combine(dir.Path, "data")];
        Assert.Equal(0, IcpProcess.Run(["index", Corpus, .. data]).ExitCode);

        var text = IcpProcess.Run(["ask", "--model", model, "What is the oil change interval of the AC-37 compressor?", .. data]);
        var json = IcpProcess.Run(["ask", "--model", model, "What is the oil change interval of the AC-37 compressor?", "--json", .. data]);

        Assert.True(text.ExitCode == 0, text.Error);
        Assert.Contains("model icp-tiny-test", text.Output);
        Assert.Contains("generate", text.Output);
        var answer = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("icp-tiny-test", answer.GetProperty("model").GetString());
        Assert.True(answer.GetProperty("verification").GetProperty("sentencesChecked").GetInt32() >= 0);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("verification").GetProperty("modelText").GetString()));
    }

    [Fact]
    public void Ask_CorruptModel_WarnsNamingTheFileAndAnswersInQuoteMode()
    {
        using var dir = new TempDirectory();
        var model = Path.Combine(dir.Path, "broken.gguf");
        File.WriteAllText(model, "not a model");
        string[] data = ["--data-dir", Path.Combine(dir.Path, "data")];
        Assert.Equal(0, IcpProcess.Run(["index", Corpus, .. data]).ExitCode);

        var result = IcpProcess.Run(["ask", "--model", model, "M12 螺栓的拧紧力矩是多少？", .. data]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Cannot load the model '{model}'", result.Error);
        Assert.Contains("mode quote", result.Output);
    }

    [Fact]
    public void BenchLlm_TinyModel_OverheadNextToRawModelTime()
    {
        using var dir = new TempDirectory();
        var model = Path.Combine(dir.Path, "tiny.gguf");
        TinyGguf.Write(model);
        string[] data = ["--data-dir", Path.Combine(dir.Path, "data")];
        Assert.Equal(0, IcpProcess.Run(["index", Corpus, .. data]).ExitCode);

        var result = IcpProcess.Run(["bench", "llm", "--model", model, "--rounds", "1", "--max-tokens", "8", .. data]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("6 generated", result.Output);
        Assert.Contains("orchestration overhead", result.Output);
        Assert.Contains("raw model, same prompt", result.Output);
        Assert.Matches(@"overhead p95 \d+\.\d ms", result.Output);
    }
}

using System.Text.Json;
using IndustryCopilot.Cli.Tests.Fixtures;

namespace IndustryCopilot.Cli.Tests;

public sealed class AskAndEvalTests
{
    private static readonly string Corpus = Path.Combine(IcpProcess.RepositoryRoot, "corpus");
    private static readonly string? Eval = FindEval();

    [Fact]
    public void Ask_CorpusQuestion_QuoteAnswerWithVerifiedCitationThenNotFound()
    {
        using var dir = new TempDirectory();
        string[] data = ["--data-dir", dir.Path];
        Assert.Equal(0, IcpProcess.Run(["index", Corpus, .. data]).ExitCode);

        // Answered rather than closest passages: how an answer is printed is what this checks, not the fitted threshold.
        var answer = IcpProcess.Run(["ask", "M12 螺栓的拧紧力矩是多少？", "--json", .. data], new Dictionary<string, string> { ["ICP_Answering__AnswerThreshold"] = "0.5" });
        var refusal = IcpProcess.Run(["ask", "What is the boiling point of liquid nitrogen in the paint shop?", .. data]);
        var search = IcpProcess.Run(["search", "叉车", "--filter", "lang=en", .. data]);

        Assert.True(answer.ExitCode == 0, answer.Error);
        var json = JsonDocument.Parse(answer.Output).RootElement;
        Assert.Equal("quote", json.GetProperty("mode").GetString());
        Assert.Equal("answered", json.GetProperty("outcome").GetString());
        var citation = json.GetProperty("citations")[0];
        Assert.Contains("82", citation.GetProperty("quote").GetString());
        Assert.Contains("[1]", json.GetProperty("text").GetString());
        Assert.Contains("The indexed documents do not answer", refusal.Output);
        Assert.Contains("outcome notfound", refusal.Output);
        Assert.Contains("glossary: 叉车 → ", search.Output);
    }

    [Fact]
    public void Search_UnknownFilterKey_ExitsTwoWithClearError()
    {
        using var dir = new TempDirectory();

        var result = IcpProcess.Run(["search", "pump", "--filter", "colour=red", "--data-dir", dir.Path]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown filter key 'colour'", result.Error);
    }

    [SkippableFact]
    public void Eval_SharedSetsSample_AllVariantsAndBaselineSideBySide()
    {
        Skip.If(Eval is null, "../shared/eval (the shared evaluation documents) is not present beside the repository");
        using var dir = new TempDirectory();
        var json = Path.Combine(dir.Path, "eval.json");

        var records = Path.Combine(dir.Path, "records.jsonl");

        var result = IcpProcess.Run(["eval", Path.Combine(Eval!, "questions", "zh-regulations.jsonl"), Path.Combine(Eval!, "questions", "en-pdfs.jsonl"), "--sample", "2", "--json", json, "--cross-validate", "--records", records]);

        Assert.True(result.ExitCode == 0, result.Error);
        foreach (var variant in new[] { "`lexical`", "`dense`", "`hybrid`", "`hybrid+id`", "`lucene-bm25`" })
        {
            Assert.Equal(2, result.Output.Split('\n').Count(l => l.StartsWith("| " + variant + " |", StringComparison.Ordinal)));
        }

        Assert.Contains("recall@5", result.Output);
        Assert.Contains("| answered precision | answerable shown | unanswerable not answered | gate false refusals |", result.Output);
        // Each set measured by a fit on the other alone, then the fit on both; one record per question asked.
        var crossValidated = result.Output[result.Output.IndexOf("Cross-validated answers", StringComparison.Ordinal)..];
        Assert.Contains("| zh-regulations |", crossValidated);
        Assert.Contains("| en-pdfs |", crossValidated);
        Assert.Contains("Fitted on all sets: gate ", crossValidated);
        var lines = File.ReadAllLines(records).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["zh-regulations", "en-pdfs"], lines.Select(l => l.GetProperty("Set").GetString()).Distinct());
        Assert.All(lines, l => Assert.Equal(Core.Answering.Answerability.AnswerabilitySignals.Names.Count, l.GetProperty("Signals").GetArrayLength()));
        Assert.Contains("mrr@10", result.Output);
        var reports = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(2, reports.GetArrayLength());
        foreach (var report in reports.EnumerateArray())
        {
            var answers = report.GetProperty("answers");
            Assert.Equal(answers.GetProperty("citations").GetInt32(), answers.GetProperty("validCitations").GetInt32());
            int Count(string name) => answers.GetProperty(name).GetInt32();
            Assert.Equal(Count("answerable"), Count("answerableAnswered") + Count("answerableClosest") + Count("answerableNotFound"));
            Assert.Equal(Count("unanswerable"), Count("unanswerableAnswered") + Count("unanswerableClosest") + Count("unanswerableNotFound"));
            Assert.True(Count("unanswerable") > 0, "each shared set has unanswerable questions in every sample");
            var product = report.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("variant").GetString() == "hybrid+id");
            Assert.InRange(product.GetProperty("recall5").GetDouble(), 0.5, 1.0);
        }
    }

    [Fact]
    public void Eval_CorpusTableRowQuestions_EachRowChunkInTopFive()
    {
        using var dir = new TempDirectory();
        var json = Path.Combine(dir.Path, "eval.json");
        var questions = Path.Combine(IcpProcess.RepositoryRoot, "tests", "IndustryCopilot.Cli.Tests", "Fixtures", "corpus-table-questions.jsonl");

        var result = IcpProcess.Run(["eval", questions, "--corpus", Corpus, "--json", json, "--index-dir", Path.Combine(dir.Path, "index")]);

        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonDocument.Parse(File.ReadAllText(json)).RootElement[0];
        var product = report.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("variant").GetString() == "hybrid+id");
        Assert.Equal(1.0, product.GetProperty("recall5").GetDouble());
    }

    private static string? FindEval()
    {
        var candidate = Path.GetFullPath(Path.Combine(IcpProcess.RepositoryRoot, "..", "shared", "eval"));
        return Directory.Exists(candidate) ? candidate : null;
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IndustryCopilot.Evaluation.Questions;

/// <summary>
/// Reads question sets: the project's JSON Lines format (<c>../shared/eval/questions/README.md</c>: id, lang, type,
/// question, answerable, gold[doc, article | page + quote]), CMRC 2018's SQuAD layout and E-Manual QA (CSV or JSON
/// array beside its manual corpus), whose passages or sections are written out as one document each so they can be
/// indexed like any corpus.
/// </summary>
public static class QuestionSetReader
{
    public static QuestionSet Read(string path, string? corpus, string workDirectory)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"question file not found: {path}", path);
        }

        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && FirstChar(path) == '['))
        {
            return EmanualReader.Read(path, workDirectory);
        }

        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadSquad(path, workDirectory) : ReadJsonl(path, corpus);
    }

    private static char FirstChar(string path)
    {
        using var reader = new StreamReader(path);
        int c;
        while ((c = reader.Read()) >= 0 && char.IsWhiteSpace((char)c))
        {
        }

        return c < 0 ? '\0' : (char)c;
    }

    /// <remarks>
    /// A first line without a question is the set's header: <c>corpus</c>, the documents' folder, and <c>source</c>, a
    /// question set whose questions this one restates (paths relative to the file). A question with <c>same_as</c>
    /// takes the gold units, type and answerability of that source question: a translated set carries only its wording.
    /// </remarks>
    public static QuestionSet ReadJsonl(string path, string? corpus)
    {
        var questions = new List<EvalQuestion>();
        var number = 0;
        string? headerCorpus = null;
        Dictionary<string, EvalQuestion>? source = null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var element = JsonDocument.Parse(line).RootElement;
                if (questions.Count == 0 && source is null && headerCorpus is null && !element.TryGetProperty("question", out _))
                {
                    headerCorpus = element.TryGetProperty("corpus", out var c) ? Path.GetFullPath(Path.Combine(folder, c.GetString()!)) : null;
                    source = element.TryGetProperty("source", out var s) ? ReadSource(Path.GetFullPath(Path.Combine(folder, s.GetString()!)), path) : null;
                    continue;
                }

                var question = Parse(element);
                if (element.TryGetProperty("same_as", out var same))
                {
                    var original = source?.GetValueOrDefault(same.GetString()!) ?? throw new KeyNotFoundException($"same_as {same.GetString()} is not a question of the header's source set");
                    question = question with { Type = original.Type, Answerable = original.Answerable, Gold = original.Gold };
                }

                questions.Add(question);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{number}: not a question in the expected format ({ex.Message})", ex);
            }
        }

        var name = Path.GetFileNameWithoutExtension(path);
        if (headerCorpus is not null && !Directory.Exists(headerCorpus))
        {
            throw new DirectoryNotFoundException($"{path}: the documents folder its header names does not exist: {headerCorpus}");
        }

        return new QuestionSet(name, questions, headerCorpus ?? FindCorpus(path, questions) ?? (corpus is null ? throw new InvalidOperationException($"cannot find the documents of {path} beside it; pass --corpus <folder>") : Path.GetFullPath(corpus)));
    }

    private static Dictionary<string, EvalQuestion> ReadSource(string sourcePath, string path) =>
        File.Exists(sourcePath)
            ? ReadJsonl(sourcePath, Path.GetDirectoryName(sourcePath)).Questions.ToDictionary(q => q.Id, StringComparer.Ordinal)
            : throw new FileNotFoundException($"{path}: the question set its header restates does not exist: {sourcePath}", sourcePath);

    private static EvalQuestion Parse(JsonElement e)
    {
        var gold = new List<GoldUnit>();
        if (e.TryGetProperty("gold", out var g))
        {
            foreach (var unit in g.EnumerateArray())
            {
                gold.Add(new GoldUnit(
                    unit.GetProperty("doc").GetString()!,
                    unit.TryGetProperty("article", out var a) ? a.GetString() : null,
                    unit.TryGetProperty("page", out var p) ? p.GetInt32() : null,
                    unit.TryGetProperty("quote", out var q) ? q.GetString() : null));
            }
        }

        return new EvalQuestion(
            e.GetProperty("id").GetString()!,
            e.TryGetProperty("lang", out var lang) ? lang.GetString()! : "",
            e.TryGetProperty("type", out var type) ? type.GetString()! : "all",
            e.GetProperty("question").GetString()!,
            !e.TryGetProperty("answerable", out var answerable) || answerable.GetBoolean(),
            gold);
    }

    // The documents sit in a sibling or child folder of the question file (questions/ beside zh-safety-regulations/):
    // the folder holding most gold documents is the corpus.
    private static string? FindCorpus(string path, List<EvalQuestion> questions)
    {
        var docs = questions.SelectMany(q => q.Gold).Select(g => g.Doc).Distinct().ToList();
        var here = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var candidates = Directory.EnumerateDirectories(here).Concat(Directory.GetParent(here) is { } parent ? Directory.EnumerateDirectories(parent.FullName) : []).Append(here);
        var best = candidates.Select(c => (Folder: c, Found: docs.Count(d => File.Exists(Path.Combine(c, d))))).OrderByDescending(c => c.Found).FirstOrDefault();
        return best.Found > 0 ? best.Folder : null;
    }

    private static QuestionSet ReadSquad(string path, string workDirectory)
    {
        var corpus = Path.Combine(workDirectory, "passages-" + Path.GetFileNameWithoutExtension(path));
        Directory.CreateDirectory(corpus);
        var questions = new List<EvalQuestion>();
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        foreach (var article in json.RootElement.GetProperty("data").EnumerateArray())
        {
            var title = article.GetProperty("title").GetString() ?? "";
            foreach (var paragraph in article.GetProperty("paragraphs").EnumerateArray())
            {
                var id = paragraph.TryGetProperty("id", out var pid) ? pid.GetString()! : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title)))[..12];
                var file = id + ".md";
                File.WriteAllText(Path.Combine(corpus, file), $"# {title}\n\n{paragraph.GetProperty("context").GetString()}\n");
                foreach (var qa in paragraph.GetProperty("qas").EnumerateArray())
                {
                    questions.Add(new EvalQuestion(qa.GetProperty("id").GetString()!, "zh", "passage", qa.GetProperty("question").GetString()!, true, [new GoldUnit(file)]));
                }
            }
        }

        return new QuestionSet(Path.GetFileNameWithoutExtension(path), questions, corpus);
    }
}

using System.Text;
using System.Text.Json;

namespace IndustryCopilot.Evaluation.Questions;

/// <summary>
/// E-Manual QA (../shared/eval/emanual-qa): a manual corpus JSON (<c>section_N → {title, text[], section_hierarchy}</c>)
/// beside CSV question files (<c>question_id,question,section_path,…</c>) or a JSON array (<c>Section Hierarchy</c>,
/// <c>Question</c>). Each section is written out as one Markdown document titled with its path; the gold unit of a
/// question is the section whose title path equals the question's (or, failing that, whose title is the path's
/// last element, when exactly one section has it). Questions whose section is not in the corpus are left out and counted.
/// </summary>
internal static class EmanualReader
{
    public static QuestionSet Read(string path, string workDirectory)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = Path.GetFileNameWithoutExtension(path);
        var corpusFile = name.StartsWith("s10", StringComparison.Ordinal) ? "s10_manual_corpus.json" : "smart_tv_remote_manual_corpus.json";
        var sections = Sections(Path.Combine(folder, corpusFile));
        var corpus = Path.Combine(workDirectory, "sections-" + Path.GetFileNameWithoutExtension(corpusFile));
        Directory.CreateDirectory(corpus);
        foreach (var (id, (titlePath, text)) in sections)
        {
            File.WriteAllText(Path.Combine(corpus, id + ".md"), $"# {titlePath.Replace(">", " > ", StringComparison.Ordinal)}\n\n{text}\n");
        }

        var byPath = sections.GroupBy(s => Key(s.Value.TitlePath)).ToDictionary(g => g.Key, g => g.First().Key);
        var byTitle = sections.GroupBy(s => Key(s.Value.TitlePath.Split('>')[^1])).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.First().Key);
        var questions = new List<EvalQuestion>();
        var unmatched = 0;
        foreach (var (id, question, sectionPath) in Questions(path))
        {
            if (byPath.TryGetValue(Key(sectionPath), out var section) || byTitle.TryGetValue(Key(sectionPath.Split('>')[^1]), out section))
            {
                questions.Add(new EvalQuestion(id, "en", "section", question, true, [new GoldUnit(section + ".md")]));
            }
            else
            {
                unmatched++;
            }
        }

        return new QuestionSet(name, questions, corpus) { LeftOut = unmatched };
    }

    private static Dictionary<string, (string TitlePath, string Text)> Sections(string corpusFile)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(corpusFile));
        var titles = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("title").GetString() ?? "");
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var section in json.RootElement.EnumerateObject())
        {
            var hierarchy = section.Value.TryGetProperty("section_hierarchy", out var h) ? h.GetString()! : section.Name;
            var titlePath = string.Join(">", hierarchy.Split('>').Select(id => titles.GetValueOrDefault(id, "")));
            var text = section.Value.GetProperty("text") is { ValueKind: JsonValueKind.Array } lines
                ? string.Join("\n", lines.EnumerateArray().Select(l => l.GetString()))
                : section.Value.GetProperty("text").GetString() ?? "";
            result[section.Name] = (titlePath, text);
        }

        return result;
    }

    private static List<(string Id, string Question, string SectionPath)> Questions(string path)
    {
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            var rows = Csv(File.ReadAllText(path));
            var header = rows[0];
            int id = header.IndexOf("question_id"), question = header.IndexOf("question"), section = header.IndexOf("section_path");
            return rows.Skip(1).Where(r => r.Count > section).Select(r => (r[id], r[question], r[section])).ToList();
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.EnumerateArray().Select((q, i) => ($"{i}", q.GetProperty("Question").GetString()!, q.GetProperty("Section Hierarchy").GetString()!)).ToList();
    }

    private static string Key(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" > ", ">", StringComparison.Ordinal).ToLowerInvariant();

    // RFC 4180: quoted fields may hold commas, newlines and doubled quotes.
    private static List<List<string>> Csv(string text)
    {
        var rows = new List<List<string>> { new() };
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                rows[^1].Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                rows[^1].Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([]);
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || rows[^1].Count > 0)
        {
            rows[^1].Add(field.ToString());
        }

        return rows.Where(r => r.Count > 1).ToList();
    }
}

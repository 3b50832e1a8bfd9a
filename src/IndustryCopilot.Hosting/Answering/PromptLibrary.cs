using System.Text.RegularExpressions;

namespace IndustryCopilot.Hosting.Answering;

/// <summary>
/// The prompt templates, read once at start and checked: every file present, every variable one the code supplies,
/// every variable the code supplies used. See prompts/README.md.
/// </summary>
public sealed partial class PromptLibrary
{
    public const string Answer = "answer";
    public const string CondenseQuestion = "condense-question";
    public const string TranslateQuestion = "translate-question";

    /// <summary>Variables supplied to each prompt; a template must use exactly these.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Variables = new Dictionary<string, string[]>
    {
        [Answer] = ["sources", "question"],
        [CondenseQuestion] = ["history", "question"],
        [TranslateQuestion] = ["question"],
    };

    private static readonly string[] Languages = ["en", "zh"];

    private readonly Dictionary<(string Name, string Language), string> _templates;

    private PromptLibrary(string directory, Dictionary<(string, string), string> templates)
    {
        Directory = directory;
        _templates = templates;
        // The audit trail records which prompts wrote an answer; a hash of their text names that exactly.
        var all = string.Join("\n\u0000", templates.OrderBy(t => t.Key.Item1, StringComparer.Ordinal).ThenBy(t => t.Key.Item2, StringComparer.Ordinal).Select(t => $"{t.Key.Item1}.{t.Key.Item2}\n{t.Value}"));
        Version = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(all)))[..12];
    }

    public string Directory { get; }

    /// <summary>12 hex characters of the SHA-256 over all templates: changes whenever any prompt's text does.</summary>
    public string Version { get; }

    /// <summary>The template text of a prompt in a language (<c>en</c> or <c>zh</c>).</summary>
    public string Get(string name, bool chinese) => _templates[(name, chinese ? "zh" : "en")];

    /// <summary>Loads from <paramref name="configured"/>, else the default places; throws naming the file on any problem.</summary>
    public static PromptLibrary Load(string? configured = null)
    {
        var directory = Locate(configured);
        var templates = new Dictionary<(string, string), string>();
        foreach (var (name, variables) in Variables)
        {
            foreach (var language in Languages)
            {
                var path = Path.Combine(directory, $"{name}.{language}.prompt");
                if (!File.Exists(path))
                {
                    throw new InvalidOperationException($"Prompt template missing: {path}");
                }

                var text = File.ReadAllText(path);
                var used = UsedVariables(text);
                var unknown = used.Except(variables).ToList();
                var unused = variables.Except(used).ToList();
                if (unknown.Count > 0 || unused.Count > 0)
                {
                    throw new InvalidOperationException($"Prompt template {path}: " +
                        (unknown.Count > 0 ? $"unknown variable(s) {string.Join(", ", unknown.Select(v => "{{$" + v + "}}"))}; " : "") +
                        (unused.Count > 0 ? $"missing {string.Join(", ", unused.Select(v => "{{$" + v + "}}"))}; " : "") +
                        $"it must use exactly {string.Join(", ", variables.Select(v => "{{$" + v + "}}"))}");
                }

                templates[(name, language)] = text;
            }
        }

        return new PromptLibrary(directory, templates);
    }

    /// <summary>The <c>{{$name}}</c> variables a template uses.</summary>
    public static IReadOnlySet<string> UsedVariables(string template) =>
        Variable().Matches(template).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static string Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Directory.Exists(configured) ? Path.GetFullPath(configured) : throw new InvalidOperationException($"Llm:PromptsDirectory not found: {configured}");
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "prompts");
        if (System.IO.Directory.Exists(beside))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "prompts");
            if (File.Exists(Path.Combine(candidate, $"{Answer}.en.prompt")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No prompts folder: none beside the program ({beside}) or above {System.IO.Directory.GetCurrentDirectory()}; set Llm:PromptsDirectory");
    }

    [GeneratedRegex(@"\{\{\s*\$(\w+)\s*\}\}")]
    private static partial Regex Variable();
}

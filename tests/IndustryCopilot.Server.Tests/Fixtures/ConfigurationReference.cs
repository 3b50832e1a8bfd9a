using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>
/// Writes the configuration reference of docs/configuration.md from the options classes themselves: every class with
/// a <c>Section</c> constant, every settable property (nested option objects become sub-sections), the default a new
/// instance holds, the <c>ICP_</c> environment variable and the property's XML summary. A key without a summary is
/// reported, so an undocumented option cannot be added.
/// </summary>
internal static partial class ConfigurationReference
{
    public const string Begin = "<!-- BEGIN configuration reference: generated from the options classes by ConfigurationReferenceTests; do not edit by hand -->";
    public const string End = "<!-- END configuration reference -->";

    private static readonly string[] Order = ["Index", "Ingestion", "Chunking", "Ocr", "Embeddings", "Retrieval", "Answering", "Llm", "Llm:LlamaSharp", "Llm:OpenAICompatible", "Qdrant", "Server", "Bots:WeCom", "Bots:WeCom:Access", "Bots:Teams", "Bots:Teams:Access"];

    private static readonly Assembly[] Assemblies =
    [
        typeof(Core.Index.IndexOptions).Assembly, typeof(Onnx.Embeddings.OnnxEmbeddingOptions).Assembly, typeof(Llama.LlamaModelOptions).Assembly,
        typeof(Qdrant.QdrantOptions).Assembly, typeof(Hosting.Llm.LlmOptions).Assembly, typeof(Server.Composition.ServerOptions).Assembly,
    ];

    /// <summary>The generated Markdown (between <see cref="Begin"/> and <see cref="End"/>) and the keys that have no summary.</summary>
    public static (string Markdown, IReadOnlyList<string> Undocumented) Generate()
    {
        var docs = new Docs(Assemblies);
        var sections = new Dictionary<string, List<(Type Type, string Summary)>>(StringComparer.Ordinal);
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()).OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field && field.GetValue(null) is string name)
            {
                Collect(sections, docs, name, type, docs.Type(type));
            }
        }

        var undocumented = new List<string>();
        var text = new StringBuilder().AppendLine(Begin);
        foreach (var (name, types) in sections.OrderBy(s => Array.IndexOf(Order, s.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(s => s.Key, StringComparer.Ordinal))
        {
            text.AppendLine().AppendLine($"### `{name}`").AppendLine();
            foreach (var summary in types.Select(t => t.Summary).Where(s => s.Length > 0).Distinct())
            {
                text.AppendLine(summary).AppendLine();
            }

            text.AppendLine("| key | default | environment variable | meaning |").AppendLine("|---|---|---|---|");
            foreach (var (type, _) in types)
            {
                var defaults = Activator.CreateInstance(type);
                foreach (var property in Settable(type).Where(p => !IsSection(p.PropertyType)))
                {
                    var key = $"{name}:{property.Name}" + (IsMap(property.PropertyType) ? ":<name>" : "");
                    var meaning = docs.Property(property);
                    if (meaning.Length == 0)
                    {
                        undocumented.Add(key);
                    }

                    var variable = "ICP_" + key.Replace(":", "__", StringComparison.Ordinal);
                    text.AppendLine($"| `{key}` | {Default(property.GetValue(defaults))} | `{variable}` | {meaning.Replace("|", "\\|", StringComparison.Ordinal)} |");
                }
            }
        }

        return (text.AppendLine().Append(End).ToString(), undocumented);
    }

    private static void Collect(Dictionary<string, List<(Type, string)>> sections, Docs docs, string name, Type type, string summary)
    {
        if (!sections.TryGetValue(name, out var list))
        {
            sections[name] = list = [];
        }

        list.Add((type, summary));
        foreach (var nested in Settable(type).Where(p => IsSection(p.PropertyType)))
        {
            Collect(sections, docs, $"{name}:{nested.Name}", nested.PropertyType, docs.Property(nested) is { Length: > 0 } s ? s : docs.Type(nested.PropertyType));
        }
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }).OrderBy(p => p.MetadataToken);

    // An option object of our own (not a string, collection or value): its properties form a sub-section.
    private static bool IsSection(Type type) => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type) && type.Namespace?.StartsWith("IndustryCopilot", StringComparison.Ordinal) == true;

    private static bool IsMap(Type type) => typeof(IDictionary).IsAssignableFrom(type);

    private static string Default(object? value) => value switch
    {
        null => "(none)",
        "" => "(empty)",
        string s => $"`{s}`",
        bool b => b ? "`true`" : "`false`",
        IDictionary d => d.Count == 0 ? "(none)" : $"{d.Count} entries",
        IEnumerable e => "`[" + string.Join(", ", e.Cast<object>().Select(o => $"\"{o}\"")) + "]`",
        IFormattable f => $"`{f.ToString(null, CultureInfo.InvariantCulture)}`",
        _ => $"`{value}`",
    };

    /// <summary>The XML documentation files beside the assemblies.</summary>
    private sealed partial class Docs(IEnumerable<Assembly> assemblies)
    {
        private readonly Dictionary<string, XElement> _members = assemblies
            .Select(a => Path.ChangeExtension(a.Location, ".xml"))
            .Where(File.Exists)
            .SelectMany(f => XDocument.Load(f).Descendants("member"))
            .GroupBy(m => (string)m.Attribute("name")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public string Type(Type type) => Summary("T:" + type.FullName!.Replace('+', '.'));

        public string Property(PropertyInfo property) => Summary($"P:{property.DeclaringType!.FullName!.Replace('+', '.')}.{property.Name}");

        private string Summary(string id)
        {
            if (!_members.TryGetValue(id, out var member) || member.Element("summary") is not { } summary)
            {
                return "";
            }

            var text = new StringBuilder();
            foreach (var node in summary.Nodes())
            {
                text.Append(node switch
                {
                    XText t => t.Value,
                    XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                    XElement { Name.LocalName: "see" } see when see.Attribute("langword") is { } word => $"`{word.Value}`",
                    XElement { Name.LocalName: "see" or "seealso" } see => $"`{((string?)see.Attribute("cref"))?.Split('.')[^1]}`",
                    XElement { Name.LocalName: "paramref" or "typeparamref" } p => (string?)p.Attribute("name"),
                    XElement e => e.Value,
                    _ => "",
                });
            }

            return Spaces().Replace(text.ToString(), " ").Trim();
        }

        [GeneratedRegex(@"\s+")]
        private static partial Regex Spaces();
    }
}

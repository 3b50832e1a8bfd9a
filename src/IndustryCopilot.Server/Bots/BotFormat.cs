using System.Text;
using IndustryCopilot.Core.Answering;

namespace IndustryCopilot.Server.Bots;

/// <summary>Plain-text replies for chat channels: the answer, then the numbered sources, cut into messages that fit the channel's limit.</summary>
internal static class BotFormat
{
    /// <summary>The reply as text: answer, a blank line, "来源：" / "Sources:" and one line per citation (document, revision, clause, page).</summary>
    public static string Text(BotReply reply)
    {
        if (reply.Answer is not { Citations.Count: > 0 } answer)
        {
            return reply.Text;
        }

        var text = new StringBuilder(answer.Text.TrimEnd()).Append("\n\n").Append(answer.Language is Core.Documents.DocumentLanguage.Zh or Core.Documents.DocumentLanguage.Mixed ? "来源：" : "Sources:");
        foreach (var citation in answer.Citations)
        {
            text.Append('\n').Append(CitationFormat.Line(citation));
        }

        return text.ToString();
    }

    /// <summary>
    /// Splits <paramref name="text"/> into parts of at most <paramref name="maxBytes"/> UTF-8 bytes (WeCom counts bytes),
    /// at line ends where it can, else at character boundaries; never splits a character.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var candidate = current.Length == 0 ? line : current + "\n" + line;
            if (Encoding.UTF8.GetByteCount(candidate) <= maxBytes)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }

            // A single line longer than the limit: cut it by characters (surrogate pairs kept whole).
            var rest = line;
            while (Encoding.UTF8.GetByteCount(rest) > maxBytes)
            {
                var cut = 0;
                var bytes = 0;
                while (cut < rest.Length)
                {
                    var width = char.IsHighSurrogate(rest[cut]) && cut + 1 < rest.Length ? 2 : 1;
                    var size = Encoding.UTF8.GetByteCount(rest.AsSpan(cut, width));
                    if (bytes + size > maxBytes)
                    {
                        break;
                    }

                    bytes += size;
                    cut += width;
                }

                parts.Add(rest[..cut]);
                rest = rest[cut..];
            }

            current.Append(rest);
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }
}

using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>One numbered source as the model sees it: [Number], a header naming where it stands, then its text (maybe shortened to fit).</summary>
public sealed record PromptSource(int Number, RetrievedChunk Hit, string Text, bool Trimmed)
{
    /// <summary>"[2] Q/HD 006-2024 拧紧力矩规范 (Rev C) — 5 拧紧力矩 > 5.3.2 — p. 4"</summary>
    public string Header
    {
        get
        {
            var document = Hit.Document;
            var parts = new List<string> { $"[{Number}] {document.Title}" };
            if (!string.IsNullOrEmpty(document.DocumentNumber) && !document.Title.Contains(document.DocumentNumber, StringComparison.Ordinal))
            {
                parts[0] += $" ({document.DocumentNumber})";
            }

            if (!string.IsNullOrEmpty(document.Revision))
            {
                parts[0] += $" Rev {document.Revision}";
            }

            if (!string.IsNullOrEmpty(Hit.Chunk.SectionPath))
            {
                parts.Add(Hit.Chunk.SectionPath);
            }

            if (Hit.Chunk.PageStart is { } page)
            {
                parts.Add(Hit.Chunk.PageEnd is { } end && end != page ? $"p. {page}–{end}" : $"p. {page}");
            }

            return string.Join(" — ", parts);
        }
    }

    /// <summary>Header and text, as placed in the prompt.</summary>
    public string Block => Header + "\n" + Text;
}

using System.Security.Cryptography;
using System.Text;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>
/// Cuts a document's blocks into citable chunks. A clause, article or run of numbered steps that fits
/// <see cref="ChunkingOptions.MaxTokens"/> stays whole; longer sections split at sentence ends with overlap;
/// tables become their own chunks with the header row repeated; a heading alone is never a chunk.
/// </summary>
public sealed class StructuredChunker(ChunkingOptions options)
{
    public IReadOnlyList<Chunk> Chunk(string documentId, string? documentTitle, IReadOnlyList<Block> blocks)
    {
        var run = new Run(documentId, options);
        var path = new SectionPath();
        var body = new List<Block>();
        string? unit = null;

        void Flush()
        {
            run.EmitSection(path.Render(unit), unit ?? path.DeepestClause, body);
            body.Clear();
            unit = null;
        }

        foreach (var block in blocks)
        {
            switch (block.Kind)
            {
                case BlockKind.Heading:
                    Flush();
                    if (!string.Equals(block.Text.Trim(), documentTitle?.Trim(), StringComparison.Ordinal))
                    {
                        path.Push(block.HeadingLevel, block.Text, ClauseParser.Parse(block.Text));
                    }

                    break;
                case BlockKind.Table:
                    // A table inside a clause ("4.2 … 按表1的规定" then 表1) is cited as that clause.
                    var owner = unit;
                    Flush();
                    if (block.Table is not null)
                    {
                        run.EmitTable(path.Render(owner), owner ?? path.DeepestClause, block);
                    }

                    break;
                default:
                    var label = ClauseParser.Parse(block.Text);
                    if (label is null)
                    {
                        body.Add(block);
                    }
                    else if (label.IsDivision && label.IsTitleLike)
                    {
                        Flush();
                        path.Push(10 + label.Depth, block.Text, label);
                    }
                    else if (label.Kind is ClauseKind.Numbered or ClauseKind.Annex && label.IsTitleLike)
                    {
                        Flush();
                        path.Push(20 + label.Depth, block.Text, label);
                    }
                    else if (label.IsUnit)
                    {
                        Flush();
                        if (label.Kind is ClauseKind.Numbered or ClauseKind.Annex)
                        {
                            path.PopUnrelatedClauses(label.Label);
                        }

                        unit = label.Label;
                        body.Add(block);
                    }
                    else if (label.Kind == ClauseKind.Item && unit is null && body.Count == 0 && label.IsTitleLike && label.Label.EndsWith('、'))
                    {
                        // "一、总则" at the top of a section is a heading, not an item.
                        path.Push(15, block.Text, label);
                    }
                    else
                    {
                        body.Add(block);
                    }

                    break;
            }
        }

        Flush();
        return run.Chunks;
    }

    private sealed class Run(string documentId, ChunkingOptions options)
    {
        public List<Chunk> Chunks { get; } = [];

        public void EmitSection(string path, string? clause, List<Block> body)
        {
            if (body.Count == 0)
            {
                return;
            }

            var pieces = new List<Piece>();
            for (var i = 0; i < body.Count; i++)
            {
                // A run of list items (procedure steps) that fits is one piece, so packing never splits it.
                var end = i;
                while (body[i].Kind == BlockKind.ListItem && end + 1 < body.Count && body[end + 1].Kind == BlockKind.ListItem)
                {
                    end++;
                }

                if (end > i)
                {
                    var items = body.GetRange(i, end - i + 1);
                    var text = string.Join("\n", items.Select(b => b.Text));
                    var groupTokens = TokenCounter.Count(text);
                    if (groupTokens <= options.MaxTokens)
                    {
                        pieces.Add(new Piece(text, items[0].Page, items[^1].Page, groupTokens, i, items.Count(IsStep)));
                        i = end;
                        continue;
                    }
                }

                var tokens = TokenCounter.Count(body[i].Text);
                if (tokens <= options.MaxTokens)
                {
                    pieces.Add(new Piece(body[i].Text, body[i].Page, body[i].Page, tokens, i, IsStep(body[i]) ? 1 : 0));
                    continue;
                }

                foreach (var sentence in SentenceSplitter.Split(body[i].Text).SelectMany(HardSplit))
                {
                    pieces.Add(new Piece(sentence, body[i].Page, body[i].Page, TokenCounter.Count(sentence), i, 0));
                }
            }

            var current = new List<Piece>();
            var total = 0;
            foreach (var piece in pieces)
            {
                if (total + piece.Tokens > options.MaxTokens && current.Count > 0)
                {
                    Add(path, clause, current);
                    var carried = Overlap(current, piece.Tokens);
                    current = carried;
                    total = carried.Sum(p => p.Tokens);
                }

                current.Add(piece);
                total += piece.Tokens;
            }

            if (current.Count > 0)
            {
                Add(path, clause, current);
            }
        }

        public void EmitTable(string path, string? clause, Block block)
        {
            var table = block.Table!;
            var headerTokens = TokenCounter.Count(string.Join(" ", table.Header)) + TokenCounter.Count(table.Caption ?? "");
            var rows = new List<IReadOnlyList<string>>();
            var total = headerTokens;
            var first = 1;
            foreach (var row in table.Rows)
            {
                var tokens = TokenCounter.Count(string.Join(" ", row));
                if (total + tokens > options.MaxTokens && rows.Count > 0)
                {
                    AddTable(path, clause, block, table, rows, first);
                    first += rows.Count;
                    rows = [];
                    total = headerTokens;
                }

                rows.Add(row);
                total += tokens;
            }

            // A table with a header and no body rows still says something (e.g. a form's field names).
            AddTable(path, clause, block, table, rows, first);
        }

        // Row provenance: which table (by its caption's label) and which of its body rows, for citations.
        private void AddTable(string path, string? clause, Block block, TableData table, List<IReadOnlyList<string>> rows, int first)
        {
            var text = TableRenderer.Render(table, rows);
            Chunks.Add(Make(path, clause, ChunkKind.Table, text, block.Page, block.Page) with
            {
                TableLabel = TableRenderer.Label(table.Caption),
                TableRows = rows.Count == 0 ? null : (first, first + rows.Count - 1),
            });
        }

        private void Add(string path, string? clause, List<Piece> pieces)
        {
            // A chunk is a procedure when it holds a run of numbered steps, whatever else its section holds.
            var kind = pieces.Sum(p => p.Steps) >= 2 ? ChunkKind.Procedure : ChunkKind.Text;
            var sb = new StringBuilder();
            for (var i = 0; i < pieces.Count; i++)
            {
                if (i > 0)
                {
                    var sameBlock = pieces[i].Block == pieces[i - 1].Block;
                    if (!sameBlock)
                    {
                        sb.Append('\n');
                    }
                    else if (!(CjkText.IsCjk(sb[^1]) || CjkText.IsCjk(pieces[i].Text[0])))
                    {
                        sb.Append(' ');
                    }
                }

                sb.Append(pieces[i].Text);
            }

            var pages = pieces.SelectMany(p => new[] { p.FirstPage, p.LastPage }).OfType<int>().ToList();
            Chunks.Add(Make(path, clause, kind, sb.ToString(), pages.Count == 0 ? null : pages.Min(), pages.Count == 0 ? null : pages.Max()));
        }

        private Chunk Make(string path, string? clause, ChunkKind kind, string text, int? pageStart, int? pageEnd)
        {
            var hashInput = $"{path}\u001f{clause}\u001f{pageStart}-{pageEnd}\u001f{kind}\u001f{text}";
            return new Chunk
            {
                DocumentId = documentId,
                Ordinal = Chunks.Count,
                SectionPath = path,
                ClauseLabel = clause,
                PageStart = pageStart,
                PageEnd = pageEnd,
                Kind = kind,
                Text = text,
                TokenCount = TokenCounter.Count(text),
                Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashInput))),
            };
        }

        private static bool IsStep(Block block) =>
            block.Kind == BlockKind.ListItem && ClauseParser.Parse(block.Text) is { } label && ClauseParser.IsStep(label);

        // Repeats the tail of the emitted chunk so a fact split across the boundary is found whole in one of them.
        private List<Piece> Overlap(List<Piece> emitted, int nextTokens)
        {
            var carried = new List<Piece>();
            var tokens = 0;
            for (var i = emitted.Count - 1; i > 0; i--)
            {
                if (tokens + emitted[i].Tokens > options.OverlapTokens || tokens + emitted[i].Tokens + nextTokens > options.MaxTokens)
                {
                    break;
                }

                carried.Insert(0, emitted[i]);
                tokens += emitted[i].Tokens;
            }

            return carried;
        }

        // A "sentence" longer than a chunk (tables flattened to text, run-on lists) is cut at word boundaries.
        private IEnumerable<string> HardSplit(string sentence)
        {
            if (TokenCounter.Count(sentence) <= options.MaxTokens)
            {
                yield return sentence;
                yield break;
            }

            var start = 0;
            var tokens = 0;
            var inWord = false;
            for (var i = 0; i < sentence.Length; i++)
            {
                var c = sentence[i];
                var ideograph = CjkText.IsIdeograph(c);
                var wordChar = !ideograph && char.IsLetterOrDigit(c);
                if (ideograph || (wordChar && !inWord))
                {
                    tokens++;
                }

                inWord = wordChar;
                if (tokens >= options.MaxTokens && (ideograph || char.IsWhiteSpace(c)))
                {
                    yield return sentence[start..(i + 1)].Trim();
                    start = i + 1;
                    tokens = 0;
                }
            }

            if (start < sentence.Length && sentence[start..].Trim() is { Length: > 0 } rest)
            {
                yield return rest;
            }
        }
    }

    private sealed record Piece(string Text, int? FirstPage, int? LastPage, int Tokens, int Block, int Steps);
}

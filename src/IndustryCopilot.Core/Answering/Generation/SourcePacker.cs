using IndustryCopilot.Core.Retrieval;

namespace IndustryCopilot.Core.Answering.Generation;

/// <summary>
/// Fits retrieved passages into the tokens left for sources: whole passages in rank order; the first one that does not
/// fit is cut at a sentence end if a useful part fits (at least <see cref="MinTrimmedTokens"/>), later ones are taken
/// only if they fit whole. Numbers are given in the order sources appear in the prompt.
/// </summary>
public static class SourcePacker
{
    /// <summary>Fewest tokens worth keeping of a shortened passage.</summary>
    public const int MinTrimmedTokens = 48;

    private const string Separator = "\n\n";

    public static IReadOnlyList<PromptSource> Pack(IReadOnlyList<RetrievedChunk> hits, int tokenBudget, ITokenCounter counter)
    {
        var sources = new List<PromptSource>();
        var remaining = tokenBudget;
        var trimmedOne = false;
        foreach (var hit in hits)
        {
            var whole = new PromptSource(sources.Count + 1, hit, hit.Chunk.Text, Trimmed: false);
            var cost = counter.Count(whole.Block + Separator);
            if (cost <= remaining)
            {
                sources.Add(whole);
                remaining -= cost;
                continue;
            }

            if (trimmedOne || remaining < MinTrimmedTokens)
            {
                continue;
            }

            trimmedOne = true;
            if (Trim(whole, remaining, counter) is { } part)
            {
                sources.Add(part);
                remaining -= counter.Count(part.Block + Separator);
            }
        }

        return sources;
    }

    /// <summary>The sources as one block of text for the prompt.</summary>
    public static string Render(IReadOnlyList<PromptSource> sources) => string.Join(Separator, sources.Select(s => s.Block));

    // Longest run of leading sentences that fits (binary search over sentence ends).
    private static PromptSource? Trim(PromptSource source, int budget, ITokenCounter counter)
    {
        var ends = QuoteUnits.Of(0, source.Text, source.Hit.Chunk.Kind == Documents.ChunkKind.Table).Select(u => u.End).Distinct().Order().ToList();
        int lo = 0, hi = ends.Count - 1, best = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var candidate = source with { Text = source.Text[..ends[mid]].TrimEnd() + " …", Trimmed = true };
            if (counter.Count(candidate.Block + Separator) <= budget)
            {
                best = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return best < 0 ? null : source with { Text = source.Text[..ends[best]].TrimEnd() + " …", Trimmed = true };
    }
}

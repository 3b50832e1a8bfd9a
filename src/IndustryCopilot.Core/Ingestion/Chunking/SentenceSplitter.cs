namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>Splits text after sentence ends: 。！？； and . ! ? followed by a space (not decimals such as 0.15).</summary>
public static class SentenceSplitter
{
    public static List<string> Split(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '。' or '！' or '？' or '；' or '\n'
                || (c is '.' or '!' or '?' or ';' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (!end)
            {
                continue;
            }

            // Keep closing quotes and brackets with their sentence.
            while (i + 1 < text.Length && text[i + 1] is '”' or '’' or '"' or '\'' or '）' or ')' or '」' or '』')
            {
                i++;
            }

            var sentence = text[start..(i + 1)].Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }

            start = i + 1;
        }

        var tail = text[start..].Trim();
        if (tail.Length > 0)
        {
            sentences.Add(tail);
        }

        return sentences;
    }
}

namespace IndustryCopilot.Core.Ingestion.Chunking;

/// <summary>
/// Approximate token count without a model tokenizer: each CJK character counts one, each run of letters or
/// digits counts one. Close enough to BERT-style and Llama tokenizers to size chunks.
/// </summary>
public static class TokenCounter
{
    public static int Count(ReadOnlySpan<char> text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (Reading.CjkText.IsIdeograph(c))
            {
                count++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    count++;
                }

                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return count;
    }
}

using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Ingestion.Metadata;

/// <summary>Judges a text's language from the share of CJK ideographs among its letters.</summary>
public static class LanguageDetector
{
    /// <summary>Zh at ≥ 60% ideographs (counting each Latin word as one letter-equivalent), En below 5%, else Mixed.</summary>
    public static DocumentLanguage Detect(string text)
    {
        int ideographs = 0, words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (CjkText.IsIdeograph(c))
            {
                ideographs++;
                inWord = false;
            }
            else if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
            {
                if (!inWord)
                {
                    words++;
                }

                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        // A Chinese word is ~1.5 characters, so compare ideographs with words on that footing.
        var total = ideographs / 1.5 + words;
        if (total < 1)
        {
            return DocumentLanguage.Unknown;
        }

        var share = ideographs / 1.5 / total;
        return share >= 0.6 ? DocumentLanguage.Zh : share < 0.05 ? DocumentLanguage.En : DocumentLanguage.Mixed;
    }
}

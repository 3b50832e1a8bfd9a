using System.Text;

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>
/// Decodes plain-text bytes: a BOM (UTF-8, UTF-16 LE/BE) wins; otherwise strict UTF-8; otherwise strict GB18030,
/// the superset of GBK that Chinese plant PCs still write, accepted only when it yields mostly Chinese text.
/// </summary>
public static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Returns the text and the encoding name, or null text with an error message.</summary>
    public static (string? Text, string Encoding, string? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return TryStrict(StrictUtf8, bytes[3..], "utf-8");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return TryStrict(new UnicodeEncoding(false, false, true), bytes[2..], "utf-16le");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return TryStrict(new UnicodeEncoding(true, false, true), bytes[2..], "utf-16be");
        }

        var utf8 = TryStrict(StrictUtf8, bytes, "utf-8");
        if (utf8.Text is not null)
        {
            return utf8;
        }

        var gb = Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var gbText = TryStrict(gb, bytes, "gb18030");
        if (gbText.Text is not null && LooksLikeChinese(gbText.Text))
        {
            return gbText;
        }

        return (null, "unknown", "not valid UTF-8, UTF-16 (with BOM) or GB18030/GBK text");
    }

    private static (string? Text, string Encoding, string? Error) TryStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            var text = encoding.GetString(bytes);
            return text.Contains('\0', StringComparison.Ordinal)
                ? (null, name, "contains NUL characters: binary data, not text")
                : (text, name, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, name, $"invalid {name}");
        }
    }

    // Random bytes often decode as GB18030 into rare ideographs and symbols; real GBK text is dominated by
    // ideographs from the common block, ASCII and CJK punctuation.
    private static bool LooksLikeChinese(string text)
    {
        int ideographs = 0, plain = 0, other = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fa5')
            {
                ideographs++;
            }
            else if (c < 0x80 || c is >= '\u3000' and <= '\u303f' || c is >= '\uff00' and <= '\uffef')
            {
                plain++;
            }
            else
            {
                other++;
            }
        }

        return ideographs > 0 && other <= (ideographs + plain) / 20;
    }
}

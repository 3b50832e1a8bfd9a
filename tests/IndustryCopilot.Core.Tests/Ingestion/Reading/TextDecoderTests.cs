using System.Text;
using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Tests.Ingestion.Reading;

public sealed class TextDecoderTests
{
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Decode_GbkBytes_ReturnsChineseText()
    {
        const string text = "第一条 空压机排气温度超过110℃时报警代码E-203。";
        var bytes = Encoding.GetEncoding("GBK").GetBytes(text);

        var (decoded, encoding, error) = TextDecoder.Decode(bytes);

        Assert.Null(error);
        Assert.Equal("gb18030", encoding);
        Assert.Equal(text, decoded);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-8")]
    public void Decode_UnicodeForms_RoundTrip(string form)
    {
        const string text = "滤芯 filter M12×1.5";
        byte[] bytes = form switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };

        Assert.Equal(text, TextDecoder.Decode(bytes).Text);
    }

    [Fact]
    public void Decode_InvalidUtf8_ReturnsError()
    {
        byte[] bytes = [.. "pump "u8, 0xC3, 0x28, 0xFF, 0x80, .. " valve"u8];

        var (text, _, error) = TextDecoder.Decode(bytes);

        Assert.Null(text);
        Assert.Contains("not valid UTF-8", error);
    }
}

using IndustryCopilot.Core.Index.Lexical;

namespace IndustryCopilot.Core.Tests.Index;

public sealed class LexicalAnalyzerTests
{
    [Theory]
    [InlineData("报警代码 E-203 出现时", "e-203")]
    [InlineData("报警代码 E-203 出现时", "e203")]
    [InlineData("使用 M12×1.5 螺栓", "m12x1.5")]
    [InlineData("按5.3.2的规定", "5.3.2")]
    [InlineData("依照第二十一条", "第21条")]
    [InlineData("依照第21条", "第21条")]
    [InlineData("GB/T 1804-2000 未注公差", "gb/t1804-2000")]
    [InlineData("GB/T 1804-2000 未注公差", "gb/t1804")]
    [InlineData("See 29 CFR 1910.147(c)(4)", "29cfr1910.147")]
    [InlineData("排气温度不超过85℃", "85°c")]
    [InlineData("间隙 0.15 mm", "0.15mm")]
    [InlineData("工作压力１．６ＭＰａ", "1.6mpa")]
    [InlineData("SOP-PR-017 换刀", "sop-pr-017")]
    [InlineData("更换滤芯", "滤芯")]
    [InlineData("Lockout procedures", "lockout")]
    public void Terms_Identifiers_KeptWhole(string text, string term) =>
        Assert.Contains(term, LexicalAnalyzer.Terms(text));

    [Fact]
    public void Terms_NoWhitespaceOrPunctuationTerms()
    {
        var terms = LexicalAnalyzer.Terms("第一条　为了加强安全生产工作，防止和减少生产安全事故。 Stop!  ");

        Assert.All(terms, t => Assert.True(t.Trim().Length == t.Length && t.Length > 0 && t.Any(char.IsLetterOrDigit), $"bad term '{t}'"));
        Assert.Contains("安全", terms);
        Assert.Contains("事故", terms);
        Assert.DoesNotContain("s", terms);
    }
}

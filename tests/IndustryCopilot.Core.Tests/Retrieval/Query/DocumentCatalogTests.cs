using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Tests.Retrieval.Query;

public sealed class DocumentCatalogTests
{
    private static readonly DocumentCatalog Catalog = new(
    [
        Document("fire", "中华人民共和国消防法"),
        Document("safety", "中华人民共和国安全生产法"),
        Document("safety-rules", "安全生产法实施条例"),
        Document("special", "中华人民共和国特种设备安全法"),
        Document("crane", "起重机设计规范", "GB/T 3811-2008"),
        Document("other-standard", "某行业标准", "GB/T 38110-2019"),
        Document("tolerance", "Q/HD 006-2024 机加工件未注尺寸公差", "Q/HD 006-2024"),
        Document("environment", "中华人民共和国环境保护法") with { Aliases = ["环保法", "《EPL》"] },
    ]);

    [Theory]
    [InlineData("《消防法》第十七条规定了什么？", "fire")]
    [InlineData("消防法对单位有什么要求", "fire")]
    [InlineData("安全生产法第二十一条", "safety")]
    [InlineData("《特种设备安全法》里叉车算不算特种设备？", "special")]
    [InlineData("安全生产法实施条例的罚则", "safety-rules")]
    [InlineData("GB/T 3811 对起重机工作级别怎么划分？", "crane")]
    [InlineData("GB 3811-2008 的 4.2 条", "crane")]
    [InlineData("gb/t3811-2008", "crane")]
    [InlineData("按 Q/HD 006 线性尺寸的未注公差是多少？", "tolerance")]
    [InlineData("环保法第十条说了什么", "environment")]
    [InlineData("What does the EPL say about permits?", "environment")]
    public void Find_NameAsPeopleWriteIt_TheDocument(string question, string expected)
    {
        var found = Catalog.Find(LexicalAnalyzer.Normalize(question), null);

        Assert.Equal(expected, Assert.Single(found).DocumentId);
    }

    [Theory]
    [InlineData("GB/T 38110 的要求")]
    [InlineData("消防设施多久检查一次？")]
    [InlineData("设备的安全操作规程")]
    public void Find_NoNameOrAnotherNumber_NotThatDocument(string question)
    {
        var found = Catalog.Find(LexicalAnalyzer.Normalize(question), null);

        Assert.DoesNotContain(found, m => m.DocumentId is "crane" or "fire" or "safety");
    }

    [Fact]
    public void Find_LawNamedWithoutCountryPrefix_Found()
    {
        var catalog = new DocumentCatalog([Document("a", "中华人民共和国安全生产法")]);

        Assert.Equal("a", catalog.Find(LexicalAnalyzer.Normalize("《安全生产法》第二十一条"), null).Single().DocumentId);
    }

    [Fact]
    public void Find_TitleInsideLongerTitle_LongerWins()
    {
        var catalog = new DocumentCatalog([Document("law", "中华人民共和国计量法"), Document("rules", "中华人民共和国计量法实施细则")]);

        Assert.Equal(["rules"], catalog.Find(LexicalAnalyzer.Normalize("计量法实施细则第十条"), null).Select(m => m.DocumentId));
    }

    [Fact]
    public void Find_DocumentNumber_FoundAndFilteredByAllowed()
    {
        var catalog = new DocumentCatalog([Document("q", "机加工件未注尺寸公差", "Q/HD 006-2024")]);

        Assert.Single(catalog.Find(LexicalAnalyzer.Normalize("Q/HD 006-2024 的线性尺寸公差"), null));
        Assert.Empty(catalog.Find(LexicalAnalyzer.Normalize("Q/HD 006-2024 的线性尺寸公差"), new HashSet<string>()));
    }

    private static DocumentInfo Document(string id, string title, string? number = null) => new()
    {
        Id = id,
        SourcePath = $"/docs/{id}.md",
        ContentHash = id,
        Format = "md",
        SizeBytes = 1,
        Title = title,
        DocumentNumber = number,
        AccessGroups = ["public"],
    };
}

using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Lexical;
using IndustryCopilot.Core.Retrieval.Query;

namespace IndustryCopilot.Core.Tests.Retrieval.Query;

public sealed class DocumentCatalogTests
{
    private static DocumentInfo Doc(string id, string title, string? number = null) => new()
    {
        Id = id, SourcePath = "/" + id, ContentHash = id, Format = "markdown", SizeBytes = 1, Title = title, DocumentNumber = number, AccessGroups = ["public"],
    };

    [Fact]
    public void Find_LawNamedWithoutCountryPrefix_Found()
    {
        var catalog = new DocumentCatalog([Doc("a", "中华人民共和国安全生产法")]);

        Assert.Equal("a", catalog.Find(LexicalAnalyzer.Normalize("《安全生产法》第二十一条"), null).Single().DocumentId);
    }

    [Fact]
    public void Find_TitleInsideLongerTitle_LongerWins()
    {
        var catalog = new DocumentCatalog([Doc("law", "中华人民共和国计量法"), Doc("rules", "中华人民共和国计量法实施细则")]);

        Assert.Equal(["rules"], catalog.Find(LexicalAnalyzer.Normalize("计量法实施细则第十条"), null).Select(m => m.DocumentId));
    }

    [Fact]
    public void Find_DocumentNumber_FoundAndFilteredByAllowed()
    {
        var catalog = new DocumentCatalog([Doc("q", "机加工件未注尺寸公差", "Q/HD 006-2024")]);

        Assert.Single(catalog.Find(LexicalAnalyzer.Normalize("Q/HD 006-2024 的线性尺寸公差"), null));
        Assert.Empty(catalog.Find(LexicalAnalyzer.Normalize("Q/HD 006-2024 的线性尺寸公差"), new HashSet<string>()));
    }
}

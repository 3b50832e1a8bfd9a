using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Ingestion.Metadata;

namespace IndustryCopilot.Core.Tests.Ingestion.Metadata;

public sealed class MetadataTests
{
    [Theory]
    [InlineData("GB/T 1804-2000 一般公差 未注公差的线性和角度尺寸的公差", "GB/T 1804-2000")]
    [InlineData("ISO 2768-1 General tolerances", "ISO 2768-1")]
    [InlineData("Control of hazardous energy, 29 CFR 1910.147", "29 CFR 1910.147")]
    [InlineData("SOP-PR-017 CNC 换刀作业指导书", "SOP-PR-017")]
    [InlineData("中华人民共和国安全生产法", "《中华人民共和国安全生产法》")]
    [InlineData("Q/HD 006-2024 机加工件未注尺寸公差", "Q/HD 006-2024")]
    public void Find_DocumentNumberInTitle_Found(string title, string number) =>
        Assert.Equal(number, DocumentNumberParser.Find(title, ""));

    [Fact]
    public void Find_NumberOnlyInNormativeReferences_NotTakenAsOwnNumber()
    {
        var text = "企业标准 机加工件公差\n1 范围\n本标准规定了本公司机加工件图样上未注公差的线性尺寸、倒圆半径和倒角高度的极限偏差，以及检验和图样标注方法。"
            + "本标准适用于二号工厂 CNC 加工线生产的金属切削零件，以及外协加工的同类零件，外协零件的检验按合同约定执行。"
            + new string('。', 300) + "\n2 规范性引用文件\nSOP-PR-017 CNC加工中心换刀作业指导书";

        Assert.Null(DocumentNumberParser.Find("机加工件公差", text));
    }

    [Theory]
    [InlineData("Maintenance manual Rev. C issued 2023", "Rev. C")]
    [InlineData("Revision 3 of the procedure", "Revision 3")]
    [InlineData("作业指导书 第2版", "第2版")]
    [InlineData("2021年6月10日 第十三届…《关于修改…的决定》第三次修正", "第三次修正")]
    public void FindRevision_Labels_Found(string text, string revision) =>
        Assert.Equal(revision, RevisionParser.FindRevision(text));

    [Theory]
    [InlineData("This booklet was Revised in 2002 and Reviewed later.")]
    [InlineData("previous editions are obsolete")]
    public void FindRevision_OrdinaryWords_NotARevision(string text) =>
        Assert.Null(RevisionParser.FindRevision(text));

    [Fact]
    public void Compare_DatesThenLabels_OrdersRevisions()
    {
        Assert.True(RevisionParser.Compare(new DateOnly(2024, 1, 1), "A", new DateOnly(2022, 1, 1), "B") > 0);
        Assert.True(RevisionParser.Compare(null, "Rev. C", null, "Rev. B") > 0);
        Assert.True(RevisionParser.Compare(null, "第3版", null, "第2版") > 0);
    }

    [Theory]
    [InlineData("安全生产工作坚持人民至上、生命至上。", DocumentLanguage.Zh)]
    [InlineData("Lockout devices shall be singularly identified.", DocumentLanguage.En)]
    [InlineData("E-203 主轴过热 spindle overheating, stop the machine and let it cool down", DocumentLanguage.Mixed)]
    [InlineData("12345 ---", DocumentLanguage.Unknown)]
    public void Detect_Language_ByIdeographShare(string text, DocumentLanguage language) =>
        Assert.Equal(language, LanguageDetector.Detect(text));
}

using IndustryCopilot.Core.Ingestion.Reading;

namespace IndustryCopilot.Core.Tests.Ingestion.Reading;

public sealed class CjkTextTests
{
    [Theory]
    [InlineData("更换滤", "芯后复位", "更换滤芯后复位")]
    [InlineData("replace the", "filter", "replace the filter")]
    [InlineData("non-", "normal procedure", "non-normal procedure")]
    [InlineData("压力1.6", "MPa", "压力1.6 MPa")]
    public void JoinLines_PdfLineEnds_RejoinedAsWritten(string first, string second, string expected) =>
        Assert.Equal(expected, CjkText.JoinLines(first, second));

    [Fact]
    public void CollapseCjkSpaces_SpacesBetweenIdeographs_Removed() =>
        Assert.Equal("滤芯 E-203 更换", CjkText.CollapseCjkSpaces("滤 芯 E-203 更 换"));
}

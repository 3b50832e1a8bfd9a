using IndustryCopilot.Core.Answering.Generation;

namespace IndustryCopilot.Core.Tests.Answering.Generation;

public sealed class NotFoundReplyTests
{
    [Theory]
    [InlineData("来源中未找到该问题的依据。")]
    [InlineData("所提供的资料中没有提及叉车是否属于特种设备。")]
    [InlineData("根据现有来源，无法回答这个问题。")]
    [InlineData("来源未涉及该内容")]
    [InlineData("抱歉，这些条款里找不到相关规定。")]
    [InlineData("资料不足以判断。")]
    [InlineData("The sources do not answer this question.")]
    [InlineData("The provided sources don't mention the oxygen limit for confined spaces.")]
    [InlineData("I couldn't find this information in the documents.")]
    [InlineData("This is not covered by the sources provided.")]
    [InlineData("There is no information about calibration intervals in the sources.")]
    [InlineData("Unable to determine from the given sources.")]
    [InlineData("  I cannot answer that based on the sources.\n")]
    public void IsNotFound_ModelSaysTheSourcesDoNotAnswer_True(string reply) =>
        Assert.True(NotFoundReply.IsNotFound(reply));

    [Theory]
    [InlineData("Change the compressor oil every 2000 operating hours [1].")]
    [InlineData("M12 螺栓的拧紧力矩为 82 N·m。[1]")]
    [InlineData("第十条未规定具体期限，只要求定期检验[2]。")]
    [InlineData("The interval is not specified for the AC-37, but the oil must be ISO VG 46 [1].")]
    [InlineData("从业人员超过一百人的，应当设置安全生产管理机构。")]
    [InlineData("Stop the compressor and isolate it at breaker Q1 before opening the filter housing.")]
    [InlineData("")]
    public void IsNotFound_AnswerOrCitedPartialAnswer_False(string reply) =>
        Assert.False(NotFoundReply.IsNotFound(reply));
}

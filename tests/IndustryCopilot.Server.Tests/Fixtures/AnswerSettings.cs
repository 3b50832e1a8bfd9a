namespace IndustryCopilot.Server.Tests.Fixtures;

/// <summary>
/// Settings for tests of how an answer is served (its text, steps, table rows, citation chips): quote mode answers
/// whatever it can cover instead of showing the closest passages. Where the default threshold should sit is measured
/// by <c>icp eval --cross-validate</c>, not by these tests.
/// </summary>
internal static class AnswerSettings
{
    public static Dictionary<string, string> Answering() => new() { ["Answering:AnswerThreshold"] = "0.5" };
}

using IndustryCopilot.Evaluation.Questions;

namespace IndustryCopilot.Evaluation.Tests.Questions;

public sealed class EmanualReaderTests
{
    [Fact]
    public void Read_CsvBesideCorpus_SectionsBecomeDocumentsAndGoldIsTheNamedSection()
    {
        var folder = Directory.CreateTempSubdirectory("icp-emanual-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "s10_manual_corpus.json"), """
                {"section_0": {"title": "Apps", "text": ["Apps"], "section_hierarchy": "section_0"},
                 "section_1": {"title": "Camera settings", "text": ["Tap Settings.", "Choose HDR10+."], "section_hierarchy": "section_0>section_1"}}
                """);
            var csv = Path.Combine(folder, "s10_50_questions.csv");
            File.WriteAllText(csv, "question_id,question,section_path,section_link,answer\n7,\"How do I record HDR10+, quickly?\",Apps>Camera settings,http://x,\"Tap \"\"Settings\"\".\"\n8,Where is Bixby?,Apps>Bixby,http://x,none\n");

            var set = QuestionSetReader.Read(csv, null, Path.Combine(folder, "work"));

            var question = Assert.Single(set.Questions);
            Assert.Equal("How do I record HDR10+, quickly?", question.Question);
            Assert.Equal("section_1.md", question.Gold[0].Doc);
            Assert.Contains("Choose HDR10+.", File.ReadAllText(Path.Combine(set.CorpusDirectory, "section_1.md")));
            Assert.StartsWith("# Apps > Camera settings", File.ReadAllText(Path.Combine(set.CorpusDirectory, "section_1.md")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

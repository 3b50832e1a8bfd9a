using IndustryCopilot.Evaluation.Questions;

namespace IndustryCopilot.Evaluation.Tests.Questions;

public sealed class QuestionSetReaderTests
{
    [Fact]
    public void ReadJsonl_ProjectFormat_FieldsAndCorpusFoundBeside()
    {
        var root = Directory.CreateTempSubdirectory("icp-eval-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs", "社会法"));
            File.WriteAllText(Path.Combine(root, "docs", "社会法", "law.md"), "# law");
            Directory.CreateDirectory(Path.Combine(root, "questions"));
            var file = Path.Combine(root, "questions", "set.jsonl");
            File.WriteAllText(file, """
                {"id": "zh-1", "lang": "zh", "type": "direct", "question": "第一条是什么？", "answerable": true, "gold": [{"doc": "社会法/law.md", "article": "第一条"}], "answer": "…"}
                {"id": "en-1", "lang": "en", "type": "unanswerable", "question": "What torque?", "answerable": false, "gold": [], "answer": ""}

                """);

            var set = QuestionSetReader.ReadJsonl(file, null);

            Assert.Equal(Path.Combine(root, "docs"), set.CorpusDirectory);
            Assert.Equal("第一条", set.Questions[0].Gold[0].Article);
            Assert.False(set.Questions[1].Answerable);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ReadJsonl_BrokenLine_ErrorNamesLine()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"id\": \"a\", \"question\": \"q\", \"gold\": []}\n{not json\n");

            var error = Assert.Throws<InvalidDataException>(() => QuestionSetReader.ReadJsonl(file, "/tmp"));

            Assert.Contains(":2:", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Read_SquadLayout_PassagesWrittenAsDocumentsWithGold()
    {
        var work = Directory.CreateTempSubdirectory("icp-squad-").FullName;
        var file = Path.Combine(work, "cmrc.json");
        File.WriteAllText(file, """{"version": "v1.0", "data": [{"id": "A1", "title": "长江", "paragraphs": [{"id": "P1", "context": "长江是中国最长的河流。", "qas": [{"id": "Q1", "question": "中国最长的河流是什么？", "answers": [{"text": "长江", "answer_start": 0}]}]}]}]}""");
        try
        {
            var set = QuestionSetReader.Read(file, null, Path.Combine(work, "out"));

            var question = Assert.Single(set.Questions);
            Assert.Equal("P1.md", question.Gold[0].Doc);
            Assert.Contains("长江是中国最长的河流", File.ReadAllText(Path.Combine(set.CorpusDirectory, "P1.md")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

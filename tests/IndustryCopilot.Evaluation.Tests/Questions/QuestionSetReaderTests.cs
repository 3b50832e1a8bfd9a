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
    public void ReadJsonl_HeaderAndSameAs_GoldTypeAndAnswerabilityFromTheSourceSet()
    {
        var root = Directory.CreateTempSubdirectory("icp-eval-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "pdfs"));
            File.WriteAllText(Path.Combine(root, "source.jsonl"), """
                {"id": "en-1", "lang": "en", "type": "fact", "question": "How long are permits kept?", "answerable": true, "gold": [{"doc": "a.pdf", "page": 4}]}
                {"id": "en-2", "lang": "en", "type": "unanswerable", "question": "What colour are padlocks?", "answerable": false, "gold": []}
                """);
            Directory.CreateDirectory(Path.Combine(root, "translated"));
            var file = Path.Combine(root, "translated", "zh.jsonl");
            File.WriteAllText(file, """
                {"set": "test", "source": "../source.jsonl", "corpus": "../pdfs"}
                {"id": "zx-1", "lang": "zh", "question": "许可证保存多久？", "same_as": "en-1"}
                {"id": "zx-2", "lang": "zh", "question": "挂锁是什么颜色？", "same_as": "en-2"}
                """);

            var set = QuestionSetReader.ReadJsonl(file, null);

            Assert.Equal(Path.Combine(root, "pdfs"), set.CorpusDirectory);
            Assert.Equal(("fact", true, 4), (set.Questions[0].Type, set.Questions[0].Answerable, set.Questions[0].Gold[0].Page));
            Assert.Equal("许可证保存多久？", set.Questions[0].Question);
            Assert.False(set.Questions[1].Answerable);
            File.AppendAllText(file, "\n{\"id\": \"zx-3\", \"question\": \"?\", \"same_as\": \"en-9\"}\n");
            Assert.Contains("zh.jsonl:4", Assert.Throws<InvalidDataException>(() => QuestionSetReader.ReadJsonl(file, null)).Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [SkippableFact]
    public void ReadJsonl_ShippedCrossLanguageSets_EveryQuestionRestatesAnExistingOne()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "IndustryCopilot.sln")))
        {
            repository = repository.Parent ?? throw new DirectoryNotFoundException("repository root (IndustryCopilot.sln) not found");
        }

        var shared = Path.GetFullPath(Path.Combine(repository.FullName, "../shared/eval/questions"));
        Skip.IfNot(Directory.Exists(shared), $"../shared/eval is not here ({shared}); the cross-language sets read their gold from it");

        var zh = QuestionSetReader.ReadJsonl(Path.Combine(repository.FullName, "tests/eval/zh-questions-en-pdfs.jsonl"), null);
        var en = QuestionSetReader.ReadJsonl(Path.Combine(repository.FullName, "tests/eval/en-questions-zh-regulations.jsonl"), null);
        var corpus = QuestionSetReader.ReadJsonl(Path.Combine(repository.FullName, "tests/eval/questions-across-corpus.jsonl"), null);

        Assert.Equal((50, 40), (zh.Questions.Count, zh.Questions.Count(q => q.Answerable)));
        Assert.Equal((70, 55), (en.Questions.Count, en.Questions.Count(q => q.Answerable)));
        Assert.All(zh.Questions.Concat(corpus.Questions.Where(q => q.Lang == "zh")), q => Assert.Contains(q.Question, c => c is >= '\u4e00' and <= '\u9fff'));
        Assert.All(corpus.Questions.SelectMany(q => q.Gold), g => Assert.True(File.Exists(Path.Combine(corpus.CorpusDirectory, g.Doc)), g.Doc));
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

using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Answering;

namespace IndustryCopilot.Hosting.Tests.Answering;

public sealed class PromptLibraryTests
{
    private static string RepositoryPrompts()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IndustryCopilot.sln")))
            {
                return Path.Combine(dir.FullName, "prompts");
            }
        }

        throw new InvalidOperationException("repository root not found");
    }

    [Fact]
    public void Load_CheckedOutPromptsFolder_EveryPromptUsesExactlyTheSuppliedVariables()
    {
        var library = PromptLibrary.Load(RepositoryPrompts());

        foreach (var (name, variables) in PromptLibrary.Variables)
        {
            foreach (var chinese in new[] { false, true })
            {
                Assert.Equal(variables.Order(), PromptLibrary.UsedVariables(library.Get(name, chinese)).Order());
            }
        }
    }

    [Fact]
    public void Load_Default_FindsTheCopyBesideTheProgram()
    {
        var library = PromptLibrary.Load();

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "prompts"), library.Directory);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPrompts(), "answer.zh.prompt")), library.Get(PromptLibrary.Answer, chinese: true));
    }

    [Fact]
    public void Load_UnknownOrMissingVariable_ErrorNamesFileAndVariable()
    {
        using var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(RepositoryPrompts(), "*.prompt"))
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        }

        var path = Path.Combine(dir.Path, "answer.en.prompt");
        File.WriteAllText(path, File.ReadAllText(path).Replace("{{$question}}", "{{$query}}", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => PromptLibrary.Load(dir.Path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown variable(s) {{$query}}", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing {{$question}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_OnePromptEdited_Changes()
    {
        using var dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(RepositoryPrompts(), "*.prompt"))
        {
            File.Copy(file, Path.Combine(dir.Path, Path.GetFileName(file)));
        }

        var before = PromptLibrary.Load(dir.Path).Version;
        var again = PromptLibrary.Load(dir.Path).Version;
        File.AppendAllText(Path.Combine(dir.Path, "condense-question.zh.prompt"), "\n");
        var after = PromptLibrary.Load(dir.Path).Version;

        Assert.Equal(12, before.Length);
        Assert.Equal(before, again);
        Assert.NotEqual(before, after);
    }

    [Fact]
    public void Load_FileMissing_ErrorNamesIt()
    {
        using var dir = new TempDirectory();

        var error = Assert.Throws<InvalidOperationException>(() => PromptLibrary.Load(dir.Path));

        Assert.Contains(".prompt", error.Message, StringComparison.Ordinal);
        Assert.Contains(dir.Path, error.Message, StringComparison.Ordinal);
    }
}

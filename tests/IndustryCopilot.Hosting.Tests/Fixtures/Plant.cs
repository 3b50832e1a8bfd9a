using IndustryCopilot.Core.Answering;
using IndustryCopilot.Core.Answering.Generation;
using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Tests.Fixtures;
using IndustryCopilot.Hosting.Answering;
using IndustryCopilot.Hosting.Llm;
using Microsoft.Extensions.AI;

namespace IndustryCopilot.Hosting.Tests.Fixtures;

/// <summary>A small plant knowledge base (English manual, Chinese law, bilingual torque table) and orchestrators over it.</summary>
internal sealed class Plant : IDisposable
{
    public Plant()
    {
        Index.Add(new DocumentInfo { Id = "mm", SourcePath = "/plant/mm.pdf", ContentHash = "mm", Format = "pdf", SizeBytes = 1, Title = "Air compressor maintenance", DocumentNumber = "MM-AC-037", Revision = "2", Language = DocumentLanguage.En, AccessGroups = ["public"] },
            ("4 Maintenance > 4.2 Oil", "4.2", "Change the compressor oil every 2000 operating hours. Use ISO VG 46 oil only. Record the change in the log."),
            ("4 Maintenance > 4.3 Filter", "4.3", "Replace the intake filter every 500 hours or when the differential pressure exceeds 0.5 bar."));
        Index.Add("law", "中华人民共和国安全生产法", DocumentLanguage.Zh,
            ("第二章 > 第二十四条", "第二十四条", "第二十四条 矿山、金属冶炼、建筑施工、运输单位和危险物品的生产、经营、储存、装卸单位，应当设置安全生产管理机构或者配备专职安全生产管理人员。"));
        Index.Add("torque", "拧紧力矩表", DocumentLanguage.Mixed,
            ("拧紧力矩 Tightening torque", null, "| 规格 Size | 拧紧力矩 Torque (N·m) |\n| --- | --- |\n| M10 | 49 |\n| M12 | 82 |\n| M16 | 200 |"));
    }

    public RetrievalIndex Index { get; } = new();

    public static PromptLibrary Prompts { get; } = PromptLibrary.Load();

    public AnswerOrchestrator Orchestrator(IChatClient? model, GenerationOptions? options = null, bool fallbackToQuote = true, int contextSize = 4096) =>
        new(Index.Retriever, new AnsweringOptions(), options ?? new GenerationOptions(), model is null ? null : ChatBackends.FromChatClient(model, ApproximateTokenCounter.Instance, contextSize, "scripted"), Prompts, fallbackToQuote);

    public AnswerOrchestrator Orchestrator(ChatBackend backend, GenerationOptions options) =>
        new(Index.Retriever, new AnsweringOptions(), options, backend, Prompts);

    public Chunk? Chunk(string id) => Index.Index.GetChunks(id[..id.IndexOf('#', StringComparison.Ordinal)]).FirstOrDefault(c => c.Id == id);

    public void Dispose() => Index.Dispose();
}

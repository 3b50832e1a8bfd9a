using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Core.Tests.Fixtures;

/// <summary>A small plant knowledge base: an English maintenance manual, a Chinese law article, a bilingual torque table.</summary>
internal static class SamplePlant
{
    public static RetrievalIndex Create(global::IndustryCopilot.Core.Retrieval.Translation.QueryTranslator? translator = null)
    {
        var fixture = new RetrievalIndex(translator: translator);
        fixture.Add(new DocumentInfo { Id = "mm", SourcePath = "/plant/mm.pdf", ContentHash = "mm", Format = "pdf", SizeBytes = 1, Title = "Air compressor maintenance", DocumentNumber = "MM-AC-037", Revision = "2", Language = DocumentLanguage.En, AccessGroups = ["public"] },
            ("4 Maintenance > 4.2 Oil", "4.2", "Change the compressor oil every 2000 operating hours. Use ISO VG 46 oil only. Record the change in the log."),
            ("4 Maintenance > 4.3 Filter", "4.3", "Replace the intake filter every 500 hours or when the differential pressure exceeds 0.5 bar."));
        fixture.Add("law", "中华人民共和国安全生产法", DocumentLanguage.Zh,
            ("第二章 > 第二十四条", "第二十四条", "第二十四条 矿山、金属冶炼、建筑施工、运输单位和危险物品的生产、经营、储存、装卸单位，应当设置安全生产管理机构或者配备专职安全生产管理人员。前款规定以外的其他生产经营单位，从业人员超过一百人的，应当设置安全生产管理机构或者配备专职安全生产管理人员。"));
        fixture.Add("torque", "拧紧力矩表", DocumentLanguage.Mixed,
            ("拧紧力矩 Tightening torque", null, "| 规格 Size | 拧紧力矩 Torque (N·m) |\n| --- | --- |\n| M10 | 49 |\n| M12 | 82 |\n| M16 | 200 |"));
        return fixture;
    }
}

using IndustryCopilot.Core.Documents;
using IndustryCopilot.Core.Index.Search;

namespace IndustryCopilot.IndexContract.Tests;

/// <summary>
/// The documents every index is tested with, built in code: a pump manual (fault codes, a torque table), a quality
/// SOP visible to the quality group only, and two revisions of a work instruction. Vectors are 8-dimensional unit
/// vectors on chosen axes, so which chunk is nearest a query vector is known.
/// </summary>
internal static class ContractDocuments
{
    public static readonly VectorModel Model = new("contract-test-model", 8);
    public static readonly VectorModel OtherModel = new("other-test-model", 16);

    public static IndexDocument PumpManual(string version = "1") => Build(
        new DocumentInfo { Id = "pump", SourcePath = "/plant/pump.pdf", ContentHash = "pump-" + version, Format = "pdf", SizeBytes = 100, Title = "P-200 Centrifugal Pump Maintenance Manual", DocumentNumber = "MM-P-200", Language = DocumentLanguage.En, DocType = "maintenance", Equipment = "P-200", AccessGroups = ["public"] },
        version == "1"
            ? [
                ("5 Fault codes", "5.1", "Fault E-203 means the seal water pressure is low. Check valve V-17 and the strainer.", 0),
                ("5 Fault codes", "5.2", "Fault E-204 means bearing temperature above 85 °C. Stop the pump and check lubrication.", 1),
                ("6 Assembly", "6.3", "Tighten the impeller nut to 95 N·m with a calibrated torque wrench.", 2),
                ("7 Lubrication", "7.1", "Grease the bearings every 2,000 operating hours with lithium grease.", 3),
            ]
            : [
                ("5 Fault codes", "5.1", "Fault E-203 means the seal water pressure is low. Check valve V-17.", 0),
                ("6 Assembly", "6.3", "Tighten the impeller nut to 110 N·m with a calibrated torque wrench.", 2),
            ]);

    public static IndexDocument QualitySop() => Build(
        new DocumentInfo { Id = "sop-q", SourcePath = "/plant/sop-q.md", ContentHash = "q", Format = "markdown", SizeBytes = 10, Title = "Incoming Inspection SOP", DocumentNumber = "SOP-Q-7", Language = DocumentLanguage.En, DocType = "sop", AccessGroups = ["quality"] },
        [("3 Sampling", "3.2", "Sample five parts per lot and measure the bore diameter with a bore gauge.", 4)]);

    public static IndexDocument WorkInstruction(string revision) => Build(
        new DocumentInfo
        {
            Id = "wi-" + revision, SourcePath = $"/plant/wi-{revision}.md", ContentHash = "wi" + revision, Format = "markdown", SizeBytes = 10, Title = "Line 3 Changeover Work Instruction", DocumentNumber = "WI-L3-01",
            Revision = revision, EffectiveDate = revision == "B" ? new DateOnly(2021, 1, 1) : new DateOnly(2024, 6, 1), Language = DocumentLanguage.En, DocType = "work-instruction", Line = "L3", AccessGroups = ["public"],
            Status = revision == "B" ? DocumentStatus.Superseded : DocumentStatus.Current, SupersededBy = revision == "B" ? "wi-C" : null,
        },
        [("2 Changeover", "2.1", revision == "B" ? "Purge the hopper for 10 minutes before the changeover." : "Purge the hopper for 15 minutes before the changeover.", 5)]);

    /// <summary>A unit vector on one axis (0–7), the stored vector of chunks that "mean" that axis.</summary>
    public static float[] Axis(int axis, int dimension = 8)
    {
        var v = new float[dimension];
        v[axis % dimension] = 1f;
        return v;
    }

    /// <summary>Mostly <paramref name="axis"/>, a little of the next one: nearest to that axis's chunks.</summary>
    public static float[] Near(int axis)
    {
        var v = new float[8];
        v[axis] = 0.96f;
        v[(axis + 1) % 8] = 0.28f;
        return v;
    }

    private static IndexDocument Build(DocumentInfo document, (string Section, string Clause, string Text, int Axis)[] chunks)
    {
        var built = chunks.Select((c, i) => new Chunk { DocumentId = document.Id, Ordinal = i, SectionPath = c.Section, ClauseLabel = c.Clause, PageStart = i + 1, PageEnd = i + 1, Text = c.Clause + " " + c.Text, Hash = $"{document.ContentHash}-{i}" }).ToList();
        var vectors = built.Select((c, i) => (c.Id, Axis(chunks[i].Axis))).ToDictionary(p => p.Id, p => p.Item2);
        return new IndexDocument(document with { ChunkCount = built.Count }, built, vectors, PipelineVersion: 5);
    }
}

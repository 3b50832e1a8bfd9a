namespace IndustryCopilot.Core.Ingestion;

/// <summary>Progress after each file: how many of the total are done, and the running page and chunk counts.</summary>
public sealed record IngestionProgress(int FilesDone, int FilesTotal, int Pages, int Chunks, FileOutcome Last);

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>The checks every reader makes before opening a file.</summary>
internal static class FileGuard
{
    /// <summary>Returns null when the file may be read, else why not (empty, or over <see cref="IngestionOptions.MaxFileBytes"/>).</summary>
    public static string? CheckSize(string path, IngestionOptions options)
    {
        var length = new FileInfo(path).Length;
        return length == 0 ? "empty file (0 bytes)"
            : length > options.MaxFileBytes ? $"file is {length:N0} bytes, over the limit of {options.MaxFileBytes:N0} (Ingestion:MaxFileBytes)"
            : null;
    }
}

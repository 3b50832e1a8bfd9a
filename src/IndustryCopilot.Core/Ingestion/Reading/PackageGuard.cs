using System.IO.Compression;

namespace IndustryCopilot.Core.Ingestion.Reading;

/// <summary>
/// Checks a zip-based package (DOCX, XLSX) before a parser opens it, so a small file that expands to gigabytes is
/// refused by the limit rather than by running out of memory. Declared sizes can lie, so entries are also inflated
/// and counted, stopping as soon as a limit is crossed.
/// </summary>
public static class PackageGuard
{
    /// <summary>Returns null when the package is within limits, else the reason it is refused.</summary>
    public static string? Check(string path, IngestionOptions options)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > options.MaxDecompressedBytes)
                {
                    return $"package expands to more than {options.MaxDecompressedBytes:N0} bytes (limit Ingestion:MaxDecompressedBytes)";
                }

                if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > options.MaxCompressionRatio)
                {
                    return $"entry '{entry.FullName}' has compression ratio {entry.Length / entry.CompressedLength}:1 (limit Ingestion:MaxCompressionRatio = {options.MaxCompressionRatio})";
                }
            }

            long inflated = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                using var stream = entry.Open();
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += n;
                    if (inflated > options.MaxDecompressedBytes)
                    {
                        return $"package expands to more than {options.MaxDecompressedBytes:N0} bytes (limit Ingestion:MaxDecompressedBytes)";
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException ex)
        {
            return "not a valid zip package: " + ex.Message;
        }
    }
}

namespace IndustryCopilot.Core.Ingestion.Ocr;

/// <summary>OCR of a page failed: a tool is missing, timed out or refused the page. The page stays "needs OCR".</summary>
public sealed class OcrException : Exception
{
    public OcrException(string message)
        : base(message)
    {
    }

    public OcrException()
    {
    }

    public OcrException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

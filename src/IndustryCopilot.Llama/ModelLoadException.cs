namespace IndustryCopilot.Llama;

/// <summary>A model file that could not be loaded: names the file and llama.cpp's own reason.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string modelPath, string reason, Exception? inner = null)
        : base($"Cannot load the model '{modelPath}': {reason}", inner)
    {
        ModelPath = modelPath;
        Reason = reason;
    }

    public ModelLoadException()
    {
        ModelPath = "";
        Reason = "";
    }

    public ModelLoadException(string message)
        : base(message)
    {
        ModelPath = "";
        Reason = message;
    }

    public ModelLoadException(string message, Exception inner)
        : base(message, inner)
    {
        ModelPath = "";
        Reason = message;
    }

    public string ModelPath { get; }

    public string Reason { get; }
}

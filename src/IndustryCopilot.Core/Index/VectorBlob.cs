using System.Runtime.InteropServices;

namespace IndustryCopilot.Core.Index;

/// <summary>Stores float32 vectors as little-endian BLOBs, normalised to unit length so a dot product is the cosine.</summary>
public static class VectorBlob
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var sum = 0f;
        foreach (var v in vector)
        {
            sum += v * v;
        }

        var norm = MathF.Sqrt(sum);
        var copy = vector.ToArray();
        if (norm > 0)
        {
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] /= norm;
            }
        }

        return MemoryMarshal.AsBytes(copy.AsSpan()).ToArray();
    }

    public static float[] Decode(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();
}

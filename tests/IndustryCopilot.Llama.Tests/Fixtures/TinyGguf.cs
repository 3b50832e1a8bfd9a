using System.Text;

namespace IndustryCopilot.Llama.Tests.Fixtures;

/// <summary>
/// Writes a tiny, valid GGUF v3 "llama" model with random weights and a byte-fallback vocabulary, so the real
/// llama.cpp path (load, tokenize any UTF-8, generate, chat template) runs in tests without downloaded weights.
/// </summary>
internal static class TinyGguf
{
    private const int Alignment = 32;

    private enum ValueType : uint { UInt32 = 4, Int32 = 5, Float32 = 6, Bool = 7, String = 8, Array = 9 }

    /// <summary>Token ids fixed by the vocabulary layout below.</summary>
    public const int Unk = 0, Bos = 1, Eos = 2, FirstByte = 3, ImStart = 259, ImEnd = 260, VocabSize = 261;

    /// <summary>Writes the model; 64-wide and 2 layers by default (about 470 KB).</summary>
    public static void Write(string path, int embedding = 64, int layers = 2, int heads = 4, int feedForward = 128, int contextLength = 8192, int seed = 7)
    {
        var tokens = new List<string> { "<unk>", "<s>", "</s>" };
        var types = new List<int> { 2, 3, 3 };
        for (var b = 0; b < 256; b++)
        {
            tokens.Add($"<0x{b:X2}>");
            types.Add(6);
        }

        tokens.Add("<|im_start|>");
        types.Add(3);
        tokens.Add("<|im_end|>");
        types.Add(3);

        var metadata = new List<(string Key, Action<BinaryWriter> Value)>
        {
            ("general.architecture", w => Str(w, "llama")),
            ("general.name", w => Str(w, "icp-tiny-test")),
            ("general.alignment", w => U32(w, Alignment)),
            ("llama.context_length", w => U32(w, (uint)contextLength)),
            ("llama.embedding_length", w => U32(w, (uint)embedding)),
            ("llama.block_count", w => U32(w, (uint)layers)),
            ("llama.feed_forward_length", w => U32(w, (uint)feedForward)),
            ("llama.attention.head_count", w => U32(w, (uint)heads)),
            ("llama.attention.head_count_kv", w => U32(w, (uint)heads)),
            ("llama.rope.dimension_count", w => U32(w, (uint)(embedding / heads))),
            ("llama.rope.freq_base", w => F32(w, 10000f)),
            ("llama.attention.layer_norm_rms_epsilon", w => F32(w, 1e-5f)),
            ("tokenizer.ggml.model", w => Str(w, "llama")),
            ("tokenizer.ggml.tokens", w => StrArray(w, tokens)),
            ("tokenizer.ggml.token_type", w => I32Array(w, types)),
            ("tokenizer.ggml.scores", w => F32Array(w, tokens.Count)),
            ("tokenizer.ggml.bos_token_id", w => U32(w, Bos)),
            ("tokenizer.ggml.eos_token_id", w => U32(w, Eos)),
            ("tokenizer.ggml.unknown_token_id", w => U32(w, Unk)),
            ("tokenizer.ggml.add_space_prefix", w => Bool(w, false)),
            ("tokenizer.ggml.add_bos_token", w => Bool(w, true)),
            ("tokenizer.chat_template", w => Str(w, ChatMl)),
        };

        var random = new Random(seed);
        var tensors = new List<(string Name, long[] Shape, bool Norm)> { ("token_embd.weight", [embedding, VocabSize], false) };
        for (var l = 0; l < layers; l++)
        {
            tensors.Add(($"blk.{l}.attn_norm.weight", [embedding], true));
            tensors.Add(($"blk.{l}.attn_q.weight", [embedding, embedding], false));
            tensors.Add(($"blk.{l}.attn_k.weight", [embedding, embedding], false));
            tensors.Add(($"blk.{l}.attn_v.weight", [embedding, embedding], false));
            tensors.Add(($"blk.{l}.attn_output.weight", [embedding, embedding], false));
            tensors.Add(($"blk.{l}.ffn_norm.weight", [embedding], true));
            tensors.Add(($"blk.{l}.ffn_gate.weight", [embedding, feedForward], false));
            tensors.Add(($"blk.{l}.ffn_up.weight", [embedding, feedForward], false));
            tensors.Add(($"blk.{l}.ffn_down.weight", [feedForward, embedding], false));
        }

        tensors.Add(("output_norm.weight", [embedding], true));
        tensors.Add(("output.weight", [embedding, VocabSize], false));

        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write("GGUF"u8);
        writer.Write(3u);
        writer.Write((ulong)tensors.Count);
        writer.Write((ulong)metadata.Count);
        foreach (var (key, value) in metadata)
        {
            Str(writer, key, typed: false);
            value(writer);
        }

        // Tensor infos: name, dimensions (innermost first), type F32, offset into the aligned data section.
        ulong cumulative = 0;
        foreach (var (name, shape, _) in tensors)
        {
            Str(writer, name, typed: false);
            writer.Write((uint)shape.Length);
            foreach (var dim in shape)
            {
                writer.Write((ulong)dim);
            }

            writer.Write(0u);
            writer.Write(cumulative);
            cumulative += Align((ulong)(shape.Aggregate(1L, (a, b) => a * b) * 4));
        }

        Pad(writer);
        foreach (var (_, shape, norm) in tensors)
        {
            var count = shape.Aggregate(1L, (a, b) => a * b);
            for (var i = 0; i < count; i++)
            {
                writer.Write(norm ? 1f : (float)((random.NextDouble() - 0.5) * 0.2));
            }

            Pad(writer);
        }
    }

    /// <summary>ChatML, the template most open chat models (Qwen among them) ship.</summary>
    public const string ChatMl = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private static ulong Align(ulong n) => (n + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w)
    {
        while (w.BaseStream.Position % Alignment != 0)
        {
            w.Write((byte)0);
        }
    }

    private static void Str(BinaryWriter w, string s, bool typed = true)
    {
        if (typed)
        {
            w.Write((uint)ValueType.String);
        }

        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }

    private static void U32(BinaryWriter w, uint v)
    {
        w.Write((uint)ValueType.UInt32);
        w.Write(v);
    }

    private static void F32(BinaryWriter w, float v)
    {
        w.Write((uint)ValueType.Float32);
        w.Write(v);
    }

    private static void Bool(BinaryWriter w, bool v)
    {
        w.Write((uint)ValueType.Bool);
        w.Write(v ? (byte)1 : (byte)0);
    }

    private static void StrArray(BinaryWriter w, List<string> items)
    {
        w.Write((uint)ValueType.Array);
        w.Write((uint)ValueType.String);
        w.Write((ulong)items.Count);
        foreach (var item in items)
        {
            Str(w, item, typed: false);
        }
    }

    private static void I32Array(BinaryWriter w, List<int> items)
    {
        w.Write((uint)ValueType.Array);
        w.Write((uint)ValueType.Int32);
        w.Write((ulong)items.Count);
        foreach (var item in items)
        {
            w.Write(item);
        }
    }

    private static void F32Array(BinaryWriter w, int count)
    {
        w.Write((uint)ValueType.Array);
        w.Write((uint)ValueType.Float32);
        w.Write((ulong)count);
        for (var i = 0; i < count; i++)
        {
            w.Write(0f);
        }
    }
}

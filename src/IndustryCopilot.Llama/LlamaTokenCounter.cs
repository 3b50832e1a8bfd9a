using System.Text;
using IndustryCopilot.Core.Answering.Generation;
using LLama;

namespace IndustryCopilot.Llama;

/// <summary>Counts with the model's own tokenizer (special tokens such as &lt;|im_start|&gt; count as one).</summary>
internal sealed class LlamaTokenCounter(LLamaWeights weights) : ITokenCounter
{
    public int Count(string text) => text.Length == 0 ? 0 : weights.Tokenize(text, add_bos: false, special: true, Encoding.UTF8).Length;
}

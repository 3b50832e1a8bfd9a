using System.Text;
using System.Text.RegularExpressions;

namespace IndustryCopilot.Core.Ingestion.Screening;

/// <summary>
/// Finds passages that address an assistant or a model rather than a reader — "ignore all previous instructions",
/// "you are now …", role tags, "system prompt", "as an AI", 忽略以上指令, 你现在是… — the indirect prompt injection of
/// OWASP LLM01. Documents are data: such a passage is held out of every prompt, quote, suggestion and closest-passages
/// list until an admin has reviewed the document and released it. A manual's own imperatives ("ignore the first
/// reading", "you are responsible for …") are not addressed to an assistant and are not held.
/// </summary>
public static partial class InstructionScreen
{
    /// <summary>Why the passage is held (the words that address an assistant, quoted), or null when it is not.</summary>
    public static string? Reason(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        return English().Match(normalized) is { Success: true } en ? Quote(en.Value)
            : Chinese().Match(normalized) is { Success: true } zh ? Quote(zh.Value)
            : Tags().Match(normalized) is { Success: true } tag ? Quote(tag.Value)
            : null;
    }

    private static string Quote(string words)
    {
        var cut = words.Length <= 80 ? words : words[..79] + "…";
        return $"addresses an assistant: \"{cut.Trim()}\"";
    }

    [GeneratedRegex(@"\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+|of\s+)?(?:the\s+|your\s+|my\s+)?(?:previous|prior|above|earlier|preceding|former|original|system|foregoing)\s+(?:instructions?|rules?|prompts?|directions?|guidelines?|constraints?|messages?|context)\b|\b(?:ignore|disregard|forget)\s+(?:all|everything)\s+(?:the\s+|your\s+)?(?:instructions|rules|prompts|you\s+(?:were|have\s+been)\s+told)\b|\byou\s+are\s+now\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}(?:ai|a\.i\.|assistant|ai\s+assistant|chatbot|bot|language\s+model|llm|gpt\w*|\w+gpt|dan)\b|\byou\s+are\s+now\s+in\s+(?:developer|dan|god|jailbreak)\s+mode\b|\bfrom\s+now\s+on,?\s+you\s+(?:are|will\s+(?:be|act|answer|respond|reply|say|ignore)|act|answer|respond|reply|must\s+(?:answer|respond|reply|ignore|say)|only\s+(?:answer|respond|reply|say))\b|\bact\s+as\s+(?:an?\s+|the\s+)?(?:ai|ai\s+assistant|chatbot|language\s+model|llm|dan)\b|\bas\s+an?\s+(?:ai|artificial\s+intelligence|large\s+language\s+model|language\s+model|llm)\b|\b(?:your|this|the\s+above)\s+system\s+prompt\b|\bsystem\s+prompt\s+(?:above|you\s+were\s+given)\b|\b(?:reveal|print|show|repeat)\s+(?:your|the)\s+(?:instructions|prompt|rules)\b|\bnew\s+instructions?\s*:|\bnote\s+to\s+(?:the\s+)?(?:ai|ai\s+assistant|assistant|chatbot|llm|language\s+model)\s*[:,-]|\b(?:dear|attention|hey)\s+(?:ai|assistant|chatbot|llm)\b|\bdo\s+not\s+(?:tell|inform|mention\s+(?:this\s+)?to)\s+the\s+user\b|\bjailbreak\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex English();

    [GeneratedRegex(@"(?:忽略|无视|忘记|忘掉|不要理会)(?:掉)?(?:以上|上述|之前|前面|先前|原有|系统)(?:的)?(?:所有|全部)?(?:指令|指示|规则|提示词?|设定|约束)|(?:忽略|无视)(?:掉)?(?:所有|全部|一切)(?:的)?(?:指令|指示|规则|提示词?)|你现在是(?:一个|一名)?[^，。,；]{0,10}(?:AI|人工智能|助手|模型|机器人|GPT|不受限制)|从现在(?:开始|起)[，,]?你(?:只|就|要|将)?(?:回答|扮演|是|作为|输出|忽略|回复)|你(?:是|作为)一个?(?:AI|人工智能|助手|语言模型|大模型|机器人)|作为一个?(?:AI|人工智能|语言模型|大模型)|(?:你的|以上的?|上述)系统提示词?|提示词|(?:致|给)(?:AI|人工智能|助手|模型|大模型)[：:，,]|不要告诉用户|扮演(?:一个)?(?:AI|助手)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Chinese();

    [GeneratedRegex(@"<\|?\s*(?:im_start|im_end|system|assistant|endoftext)\s*\|?>|</?\s*message\b[^>]*>|\[/?INST\]|<<\s*/?SYS\s*>>|^\s*#{2,}\s*(?:system|instruction)s?\b|^\s*(?:system|assistant)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex Tags();
}

using IndustryCopilot.Core.Documents;

namespace IndustryCopilot.Hosting.Answering;

/// <summary>
/// The model's translations of questions, kept for reuse: the same question in the same direction is translated once
/// (technicians repeat questions; a translation is a model call of its own). Bounded; thread-safe.
/// </summary>
internal sealed class ModelTranslations(int capacity = 1024)
{
    private readonly Dictionary<(string, DocumentLanguage), string?> _cache = [];
    private readonly Lock _gate = new();

    public bool TryGet(string question, DocumentLanguage to, out string? translation)
    {
        lock (_gate)
        {
            return _cache.TryGetValue((question, to), out translation);
        }
    }

    public void Add(string question, DocumentLanguage to, string? translation)
    {
        lock (_gate)
        {
            // Dropping all at the bound is crude but keeps the cache small and O(1); a translation costs one short call.
            if (_cache.Count >= capacity)
            {
                _cache.Clear();
            }

            _cache[(question, to)] = translation;
        }
    }
}

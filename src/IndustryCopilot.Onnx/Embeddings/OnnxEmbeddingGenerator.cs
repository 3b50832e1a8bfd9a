using IndustryCopilot.Core.Retrieval.Dense;
using IndustryCopilot.Core.Settings;
using Microsoft.Extensions.AI;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.Tokenizers;

namespace IndustryCopilot.Onnx.Embeddings;

/// <summary>
/// Sentence embeddings from a BERT-style ONNX model run in-process by ONNX Runtime: WordPiece tokens (Chinese
/// characters tokenised one by one), mean or [CLS] pooling, L2 normalisation. Texts are batched by length so little
/// time goes to padding. One session serves concurrent callers (ONNX Runtime's <c>Run</c> is thread-safe).
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly OnnxEmbeddingOptions _options;
    private readonly bool _hasTokenTypes;
    private readonly string _output;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OnnxEmbeddingGenerator(OnnxEmbeddingOptions options)
    {
        options.Validate();
        _options = options;
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // ONNX Runtime's worker threads spin after each run by default; on a small server that steals the cores the
        // retrieval lanes run on right after the query is embedded.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        var bertOptions = new BertOptions { LowerCaseBeforeTokenization = options.LowerCase, IndividuallyTokenizeCjk = true };
        try
        {
            if (options.ModelPath is null)
            {
                var (model, vocab) = BuiltInModel.Load();
                using (vocab)
                {
                    _tokenizer = BertTokenizer.Create(vocab, bertOptions);
                }

                _session = new InferenceSession(model, sessionOptions);
            }
            else
            {
                _tokenizer = BertTokenizer.Create(options.VocabPath!, bertOptions);
                _session = new InferenceSession(options.ModelPath, sessionOptions);
            }
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidOperationException($"cannot load embedding model {options.ModelPath ?? "(built-in MiniLM)"}: {ex.Message}", ex);
        }

        if (!_session.InputMetadata.ContainsKey("input_ids") || !_session.InputMetadata.ContainsKey("attention_mask"))
        {
            throw new InvalidOperationException($"embedding model {options.ModelId} does not take BERT inputs (input_ids, attention_mask); it takes {string.Join(", ", _session.InputMetadata.Keys)}");
        }

        _hasTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        _output = _session.OutputMetadata.Keys.First();
        _metadata = new EmbeddingGeneratorMetadata("onnxruntime", null, options.ModelId, options.Dimension);
        var probe = Embed(["probe"])[0];
        if (probe.Length != options.Dimension)
        {
            throw new InvalidOperationException($"embedding model {options.ModelId} produces {probe.Length} dimensions but Embeddings:Dimension is {options.Dimension}");
        }
    }

    /// <summary>Creates the dense-lane view of this model with the configured id, dimension and languages.</summary>
    public static TextEmbedder CreateEmbedder(OnnxEmbeddingOptions options) =>
        new(new OnnxEmbeddingGenerator(options), options.ModelId, options.Dimension, options.ParsedLanguages());

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var vectors = Embed(values.ToList(), cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = _options.ModelId }));
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _session.Dispose();

    private float[][] Embed(List<string> texts, CancellationToken cancellationToken = default)
    {
        var ids = texts.Select(t => _tokenizer.EncodeToIds(t, _options.MaxTokens, addSpecialTokens: true, out _, out _)).ToList();
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => ids[i].Count).ToArray();
        var result = new float[texts.Count][];
        for (var start = 0; start < order.Length; start += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.Skip(start).Take(_options.BatchSize).ToArray();
            var vectors = RunBatch(batch.Select(i => ids[i]).ToList());
            for (var j = 0; j < batch.Length; j++)
            {
                result[batch[j]] = vectors[j];
            }
        }

        return result;
    }

    private float[][] RunBatch(List<IReadOnlyList<int>> batch)
    {
        var rows = batch.Count;
        var width = batch.Max(b => b.Count);
        var inputIds = new long[rows * width];
        var mask = new long[rows * width];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < batch[r].Count; c++)
            {
                inputIds[(r * width) + c] = batch[r][c];
                mask[(r * width) + c] = 1;
            }
        }

        long[] shape = [rows, width];
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue> { OrtValue.CreateTensorValueFromMemory(inputIds, shape), OrtValue.CreateTensorValueFromMemory(mask, shape) };
        if (_hasTokenTypes)
        {
            names.Add("token_type_ids");
            values.Add(OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape));
        }

        try
        {
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, names, values, [_output]);
            return Pool(outputs[0], mask, rows, width);
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    private float[][] Pool(OrtValue output, long[] mask, int rows, int width)
    {
        var shape = output.GetTensorTypeAndShape().Shape;
        var data = output.GetTensorDataAsSpan<float>();
        var result = new float[rows][];
        if (shape.Length == 2)
        {
            // Already pooled by the graph (a sentence_embedding output).
            var dim2 = (int)shape[1];
            for (var r = 0; r < rows; r++)
            {
                result[r] = data.Slice(r * dim2, dim2).ToArray();
            }

            return result;
        }

        var dim = (int)shape[2];
        for (var r = 0; r < rows; r++)
        {
            var vector = new float[dim];
            if (_options.Pooling == "cls")
            {
                data.Slice(r * width * dim, dim).CopyTo(vector);
            }
            else
            {
                var count = 0;
                for (var t = 0; t < width; t++)
                {
                    if (mask[(r * width) + t] == 0)
                    {
                        continue;
                    }

                    count++;
                    System.Numerics.Tensors.TensorPrimitives.Add(vector, data.Slice(((r * width) + t) * dim, dim), vector);
                }

                System.Numerics.Tensors.TensorPrimitives.Divide(vector, Math.Max(count, 1), vector);
            }

            result[r] = vector;
        }

        return result;
    }
}

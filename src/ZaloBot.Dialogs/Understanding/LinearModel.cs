namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Multinomial logistic regression over sparse feature vectors, trained in-process by stochastic gradient descent
/// (no library, no network: a few thousand examples and a handful of classes train in tens of milliseconds).
/// Class weights balance the classes (each class weighs as much in total as any other), so the 1,000 FAQ
/// exemplars do not drown the 100 feedback reports.
/// </summary>
internal sealed class LinearModel
{
    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly int _classes;
    private readonly int _features;

    private LinearModel(float[] weights, float[] bias, int classes, int features)
    {
        _weights = weights;
        _bias = bias;
        _classes = classes;
        _features = features;
    }

    public int Classes => _classes;

    /// <param name="examples">Unit feature vectors (ids below <paramref name="features"/>) with their class.</param>
    public static LinearModel Train(
        IReadOnlyList<(int[] Ids, float[] Values, int Class)> examples, int classes, int features, int epochs, double learningRate, double l2, int seed)
    {
        var weights = new float[features * classes];
        var bias = new float[classes];
        var counts = new int[classes];
        foreach (var e in examples)
        {
            counts[e.Class]++;
        }

        var present = counts.Count(c => c > 0);
        var classWeight = counts.Select(c => c == 0 ? 0f : (float)examples.Count / (present * c)).ToArray();
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(seed);
        var probabilities = new float[classes];
        var gradients = new float[classes];
        var model = new LinearModel(weights, bias, classes, features);
        var step = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (ids, values, label) = examples[i];
                model.Probabilities(ids, values, probabilities);
                var rate = (float)(learningRate / (1 + (0.5 * step++ / examples.Count))) * classWeight[label];
                var decay = 1f - (float)(l2 * learningRate);
                for (var c = 0; c < classes; c++)
                {
                    gradients[c] = (c == label ? 1f : 0f) - probabilities[c];
                    bias[c] += rate * gradients[c];
                }

                // Feature-major: a feature's weights for all classes are adjacent (the same updates as class by
                // class, each weight once per example, in a fraction of the cache misses).
                for (var k = 0; k < ids.Length; k++)
                {
                    var row = weights.AsSpan(ids[k] * classes, classes);
                    var value = values[k];
                    for (var c = 0; c < row.Length; c++)
                    {
                        row[c] = (row[c] * decay) + (rate * gradients[c] * value);
                    }
                }
            }
        }

        return model;
    }

    /// <summary>Class probabilities of one vector into <paramref name="output"/> (length = classes).</summary>
    public void Probabilities(IReadOnlyList<int> ids, IReadOnlyList<float> values, Span<float> output)
    {
        for (var c = 0; c < _classes; c++)
        {
            output[c] = _bias[c];
        }

        for (var k = 0; k < ids.Count; k++)
        {
            var id = ids[k];
            if (id >= _features)
            {
                continue;
            }

            var row = id * _classes;
            for (var c = 0; c < _classes; c++)
            {
                output[c] += _weights[row + c] * values[k];
            }
        }

        var max = float.NegativeInfinity;
        for (var c = 0; c < _classes; c++)
        {
            max = Math.Max(max, output[c]);
        }

        var sum = 0f;
        for (var c = 0; c < _classes; c++)
        {
            output[c] = MathF.Exp(output[c] - max);
            sum += output[c];
        }

        for (var c = 0; c < _classes; c++)
        {
            output[c] /= sum;
        }
    }
}

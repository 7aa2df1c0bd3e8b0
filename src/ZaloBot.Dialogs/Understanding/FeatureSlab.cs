namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Feature keys and values of many exemplars in two growing arrays (one slab per thread of an index rebuild), so
/// extraction does not allocate two small arrays per exemplar. Not thread-safe.
/// </summary>
internal sealed class FeatureSlab
{
    private ulong[] _keys = new ulong[1 << 14];
    private float[] _values = new float[1 << 14];
    private int _count;

    public ulong[] Keys => _keys;

    public float[] Values => _values;

    /// <summary>Appends the features in enumeration order; returns the offset of the first.</summary>
    public int Append(Dictionary<ulong, float> features)
    {
        var offset = _count;
        if (_count + features.Count > _keys.Length)
        {
            var size = Math.Max(_keys.Length * 2, _count + features.Count);
            Array.Resize(ref _keys, size);
            Array.Resize(ref _values, size);
        }

        foreach (var (key, value) in features)
        {
            _keys[_count] = key;
            _values[_count++] = value;
        }

        return offset;
    }
}

namespace ZaloBot.Dialogs.Understanding;

/// <summary>
/// Inverted lists in two flat arrays (CSR layout): for feature f, documents Documents[Start[f]..Start[f+1]) with
/// their weights. Flat arrays keep the index compact (8 bytes a posting) and the scoring loop cache-friendly.
/// </summary>
internal sealed class Postings
{
    private readonly int[] _start;
    private readonly int[] _documents;
    private readonly float[] _weights;

    private Postings(int[] start, int[] documents, float[] weights)
    {
        _start = start;
        _documents = documents;
        _weights = weights;
    }

    public int Count => _documents.Length;

    /// <summary>Inverts per-document sparse vectors (feature ids and weights) into per-feature lists.</summary>
    public static Postings Create(int featureCount, IReadOnlyList<(int[] Ids, float[] Weights)> documents)
    {
        var start = new int[featureCount + 1];
        foreach (var (ids, _) in documents)
        {
            foreach (var id in ids)
            {
                start[id + 1]++;
            }
        }

        for (var f = 0; f < featureCount; f++)
        {
            start[f + 1] += start[f];
        }

        var cursor = start[..featureCount];
        var postedDocuments = new int[start[featureCount]];
        var postedWeights = new float[start[featureCount]];
        for (var d = 0; d < documents.Count; d++)
        {
            var (ids, weights) = documents[d];
            for (var k = 0; k < ids.Length; k++)
            {
                var slot = cursor[ids[k]]++;
                postedDocuments[slot] = d;
                postedWeights[slot] = weights[k];
            }
        }

        return new Postings(start, postedDocuments, postedWeights);
    }

    /// <summary>
    /// Inverts documents stored in one slab (document d: slots <paramref name="documentStart"/>[d] ..
    /// + <paramref name="documentLength"/>[d] of <paramref name="ids"/> and <paramref name="weights"/>): the same
    /// lists as <see cref="Create(int, IReadOnlyList{ValueTuple{int[], float[]}})"/> without an array per document.
    /// </summary>
    public static Postings Create(int featureCount, int[] ids, float[] weights, int[] documentStart, int[] documentLength)
    {
        var start = new int[featureCount + 1];
        for (var d = 0; d < documentStart.Length; d++)
        {
            var end = documentStart[d] + documentLength[d];
            for (var p = documentStart[d]; p < end; p++)
            {
                start[ids[p] + 1]++;
            }
        }

        for (var f = 0; f < featureCount; f++)
        {
            start[f + 1] += start[f];
        }

        var cursor = start[..featureCount];
        var postedDocuments = new int[start[featureCount]];
        var postedWeights = new float[start[featureCount]];
        for (var d = 0; d < documentStart.Length; d++)
        {
            var end = documentStart[d] + documentLength[d];
            for (var p = documentStart[d]; p < end; p++)
            {
                var slot = cursor[ids[p]]++;
                postedDocuments[slot] = d;
                postedWeights[slot] = weights[p];
            }
        }

        return new Postings(start, postedDocuments, postedWeights);
    }

    /// <summary>Adds query weight × posting weight into <paramref name="scores"/> for every document of every query feature.</summary>
    public void Accumulate(List<int> queryIds, List<float> queryWeights, float[] scores)
    {
        for (var q = 0; q < queryIds.Count; q++)
        {
            var id = queryIds[q];
            var weight = queryWeights[q];
            var end = _start[id + 1];
            for (var p = _start[id]; p < end; p++)
            {
                scores[_documents[p]] += weight * _weights[p];
            }
        }
    }
}

using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

/// <summary>The pieces that make an index rebuild cheaper (session 5) must give exactly what they replaced.</summary>
public class RebuildStructuresTests
{
    private static readonly TextNormalizer Normalizer = new(AbbreviationDictionary.Create(new Dictionary<string, string>
    {
        ["ko"] = "không",
        ["hs"] = "hồ sơ",
        ["q"] = "quận",
        ["ct"] = "chứng thực",
    }));

    private static readonly string[] Messages =
    [
        "hs ko dc duyệt",
        "Hồ sơ ở q3. Hồ sơ ở Q3?",
        "mẫu CT07 và ct bản sao",
        "gọi 0903 123 456 về mã PA-2026-000123",
        "Hoà hòa HOÀ",
        new string('a', 70) + " hs " + new string('b', 65),
    ];

    [Test]
    public void Normalize_WithTokenCache_SameTokensAsWithout()
    {
        var cache = new TokenCache();
        // Twice: the second pass reads every word from the cache.
        foreach (var message in Messages.Concat(Messages))
        {
            var plain = Normalizer.Normalize(message);
            var cached = Normalizer.Normalize(message, cache);

            Assert.That(cached.Tokens, Is.EqualTo(plain.Tokens), message);
            Assert.That(cached.TicketCodes, Is.EqualTo(plain.TicketCodes), message);
            Assert.That(cached.PhoneNumbers, Is.EqualTo(plain.PhoneNumbers), message);
            Assert.That(cached.QuestionSentence, Is.EqualTo(plain.QuestionSentence), message);
        }
    }

    [Test]
    public void Normalize_WithTokenCache_KeepsGluedCodesUnexpanded()
    {
        var cache = new TokenCache();
        Normalizer.Normalize("ct", cache);

        // "ct" glued to digits names a form, so the cached expansion of "ct" must not be used for it.
        Assert.That(Normalizer.Normalize("CT07", cache).Tokens.Select(t => t.Folded), Is.EqualTo(new[] { "ct", "07" }));
    }

    [Test]
    public void Normalize_WithTokenCache_StoresEachDistinctWordOnce()
    {
        var cache = new TokenCache();
        Normalizer.Normalize("hồ sơ hồ sơ Hồ", cache);

        // "hồ", "sơ", "Hồ" (raw spelling is the key); words longer than 64 letters are not cached.
        Assert.That(cache.Count, Is.EqualTo(3));
        Normalizer.Normalize(new string('x', 65), cache);
        Assert.That(cache.Count, Is.EqualTo(3));
    }

    [Test]
    public void Append_BeyondInitialCapacity_KeepsOrderAndOffsets()
    {
        var slab = new FeatureSlab();
        var offsets = new List<int>();
        for (var d = 0; d < 3000; d++)
        {
            var features = new Dictionary<ulong, float>();
            for (var k = 0; k < 7; k++)
            {
                features[(ulong)((d * 10) + k)] = d + (k / 10f);
            }

            offsets.Add(slab.Append(features));
        }

        Assert.That(offsets[2999], Is.EqualTo(2999 * 7));
        Assert.That(slab.Keys[(2999 * 7) + 3], Is.EqualTo(29993UL));
        Assert.That(slab.Values[(1234 * 7) + 6], Is.EqualTo(1234.6f));
    }

    [Test]
    public void Create_FromSlab_SameScoresAsFromArrays()
    {
        (int[] Ids, float[] Weights)[] documents = [([0, 2], [0.5f, 0.25f]), ([1], [1f]), ([2, 0, 3], [0.1f, 0.2f, 0.3f])];
        // The same documents in one slab, with unused slots between them.
        int[] ids = [0, 2, 9, 1, 2, 0, 3];
        float[] weights = [0.5f, 0.25f, 9f, 1f, 0.1f, 0.2f, 0.3f];
        var fromArrays = new float[3];
        var fromSlab = new float[3];

        Postings.Create(4, documents).Accumulate([0, 2, 3], [1f, 2f, 3f], fromArrays);
        Postings.Create(4, ids, weights, [0, 3, 4], [2, 1, 3]).Accumulate([0, 2, 3], [1f, 2f, 3f], fromSlab);

        Assert.That(fromSlab, Is.EqualTo(fromArrays));
        Assert.That(fromSlab, Is.EqualTo(new[] { 1f, 0f, 0.2f + 0.2f + 0.9f }).Within(1e-6f));
    }

    [Test]
    public void Build_Twice_SameConfidencesForEveryShippedPhrasing()
    {
        // Extraction, vectors and the gate's texts run in parallel: the index must not depend on scheduling.
        var content = RepositoryContent.Faq();
        var intents = RepositoryContent.Intents();
        RecognizerIndex Build() => RecognizerIndex.Build(
            content, intents, RepositoryContent.Abbreviations(), new RecognizerOptions(), RepositoryContent.Concepts(), RepositoryContent.Referrals());
        var first = Build();
        var second = Build();
        var messages = content.SelectMany(e => e.Phrasings).Concat(intents.OutOfScope).ToList();

        Assert.That(
            messages.Select(m => second.Recognize(m).Candidates.Select(c => (c.Label, c.Confidence)).ToList()),
            Is.EqualTo(messages.Select(m => first.Recognize(m).Candidates.Select(c => (c.Label, c.Confidence)).ToList())));
    }
}

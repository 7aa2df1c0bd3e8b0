using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

/// <summary>The label model of session 5: one class per label, re-ranking the FAQ entries, off above a label count.</summary>
public class LabelModelTests
{
    private static RecognizerIndex Build(RecognizerOptions options) => RecognizerIndex.Build(
        RepositoryContent.Faq(), RepositoryContent.Intents(), RepositoryContent.Abbreviations(), options, RepositoryContent.Concepts(), RepositoryContent.Referrals());

    private static List<string> Messages() =>
        RepositoryContent.Faq().SelectMany(e => e.Phrasings).Concat(RepositoryContent.Intents().OutOfScope).ToList();

    private static List<List<(string Label, double Confidence)>> Candidates(RecognizerIndex index, IEnumerable<string> messages) =>
        messages.Select(m => index.Recognize(m).Candidates.Select(c => (c.Label, c.Confidence)).ToList()).ToList();

    [Test]
    public void Build_MoreLabelsThanTheCap_SameAsLabelModelOff()
    {
        var messages = Messages();
        var capped = Build(new RecognizerOptions { LabelModelMaxLabels = 10 });
        var off = Build(new RecognizerOptions { LabelModelWeight = 0 });

        Assert.That(Candidates(capped, messages), Is.EqualTo(Candidates(off, messages)));
    }

    [Test]
    public void Build_LabelModelOn_ChangesSomeConfidences()
    {
        var messages = Messages();
        var on = Candidates(Build(new RecognizerOptions()), messages);
        var off = Candidates(Build(new RecognizerOptions { LabelModelWeight = 0 }), messages);

        Assert.That(Enumerable.Range(0, messages.Count).Count(i => !on[i].SequenceEqual(off[i])), Is.GreaterThan(messages.Count / 10));
    }

    [Test]
    public void Recognize_FaqOnly_LeavesMessagesOutsideTheFaqWhereTheyWere()
    {
        // Re-ranking within the FAQ entries never turns an out-of-scope exemplar's "none" into an answer.
        var index = Build(new RecognizerOptions());
        var off = Build(new RecognizerOptions { LabelModelWeight = 0 });
        var outOfScope = RepositoryContent.Intents().OutOfScope.Where(m => off.Recognize(m).Decision == RecognitionDecision.None).ToList();

        Assert.That(outOfScope.Where(m => index.Recognize(m).Decision == RecognitionDecision.Answer), Is.Empty);
    }

    [TestCase(-0.1)]
    [TestCase(1.5)]
    public void Validate_LabelModelWeightOutOfRange_Throws(double weight)
    {
        Assert.That(() => new RecognizerOptions { LabelModelWeight = weight }.Validate(), Throws.Exception);
    }
}

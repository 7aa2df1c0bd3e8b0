using ZaloBot.Dialogs.Faq;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class ReferralContentTests
{
    [Test]
    public void ShippedFile_CoversTheAgenciesOfTheIssue()
    {
        var keys = RepositoryContent.Referrals().Select(r => r.Key);

        Assert.That(keys, Is.SupersetOf(new[] { "can-cuoc", "ho-chieu", "cu-tru", "bao-hiem", "nha-dat", "phat-giao-thong", "thue" }));
    }

    [Test]
    public void Parse_Entry_Read()
    {
        var entries = ReferralContent.Parse("referrals:\n  - key: thue\n    topic: Thuế\n    keywords: [thuế, tax]\n    reply: Chi cục Thuế.\n    needs_review: true\n");

        Assert.That(entries, Is.EqualTo(new[] { new ReferralEntry("thue", "Thuế", ["thuế", "tax"], "Chi cục Thuế.", true) }).Using<ReferralEntry>(
            (x, y) => x.Key == y.Key && x.Topic == y.Topic && x.Keywords.SequenceEqual(y.Keywords) && x.Reply == y.Reply && x.NeedsReview == y.NeedsReview));
    }

    [TestCase("referrals:\n  - key: Thuế\n    keywords: [thuế]\n    reply: x\n")]
    [TestCase("referrals:\n  - key: thue\n    keywords: []\n    reply: x\n")]
    [TestCase("referrals:\n  - key: thue\n    keywords: [thuế]\n    reply: ''\n")]
    [TestCase("referrals:\n  - key: thue\n    keywords: [thuế]\n    reply: x\n  - key: thue\n    keywords: [tax]\n    reply: y\n")]
    public void Parse_Invalid_Throws(string yaml)
    {
        Assert.That(() => ReferralContent.Parse(yaml), Throws.InstanceOf<FormatException>());
    }

    [Test]
    public void Parse_ReplyOverOneZaloMessage_Throws()
    {
        var yaml = "referrals:\n  - key: thue\n    keywords: [thuế]\n    reply: " + new string('a', FaqContent.MaxAnswerLength + 1) + "\n";

        Assert.That(() => ReferralContent.Parse(yaml), Throws.InstanceOf<FormatException>());
    }
}

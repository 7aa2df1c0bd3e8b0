using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

/// <summary>The shipped content/*.yaml: complete, valid and within Zalo's limits.</summary>
public class ContentFilesTests
{
    // The 30 slugs of shared/faq/topics.md: the stable keys evaluation sets and links use.
    private static readonly string[] TopicSlugs =
    [
        "chu-de-nam-2021", "chinh-quyen-do-thi", "cai-cach-hanh-chinh", "do-thi-thong-minh", "moi-truong-dau-tu",
        "doi-thoai-doanh-nghiep", "kenh-thong-tin", "khen-thuong-sang-kien", "dvc-muc-do-3-4", "nop-ho-so-truc-tuyen",
        "tai-khoan-dvc", "tra-cuu-ho-so", "buu-chinh-cong-ich", "thanh-toan-truc-tuyen", "video-huong-dan",
        "dang-ky-ho-kinh-doanh", "dang-ky-khai-sinh", "dang-ky-ket-hon", "dang-ky-khai-tu", "xac-nhan-tinh-trang-hon-nhan",
        "chung-thuc-ban-sao", "trich-luc-ho-tich", "giay-phep-xay-dung", "bo-phan-mot-cua", "lien-he-van-phong",
        "danh-sach-phuong", "phan-anh-kien-nghi", "thoi-han-xu-ly-phan-anh", "bao-mat-thong-tin", "bot-lam-duoc-gi",
    ];

    private static readonly string[] IntentNames =
        ["intent:feedback", "intent:status", "intent:handoff", "intent:greeting", "intent:cancel"];

    [Test]
    public void FaqYaml_EveryTopicSlug_PublishedWithAnswerWithinLimit()
    {
        var entries = RepositoryContent.Faq().ToDictionary(e => e.Slug);

        Assert.Multiple(() =>
        {
            foreach (var slug in TopicSlugs)
            {
                Assert.That(entries.ContainsKey(slug), Is.True, slug);
                if (entries.TryGetValue(slug, out var entry))
                {
                    Assert.That(entry.Published, Is.True, slug);
                    Assert.That(entry.Answer.Length, Is.InRange(200, FaqContent.MaxAnswerLength), slug);
                    Assert.That(entry.Phrasings, Has.Count.GreaterThanOrEqualTo(10), slug);
                }
            }
        });
    }

    [Test]
    public void FaqYaml_RelatedSlugs_AllExist()
    {
        var entries = RepositoryContent.Faq();
        var slugs = entries.Select(e => e.Slug).ToHashSet();

        Assert.That(entries.SelectMany(e => e.Related).Where(r => !slugs.Contains(r)), Is.Empty);
    }

    [Test]
    public void FaqYaml_SerializeThenParse_SameEntries()
    {
        var entries = RepositoryContent.Faq();

        var again = FaqContent.Parse(FaqContent.Serialize(entries));

        Assert.That(again.Select(e => (e.Slug, e.Question, e.Answer, e.NeedsReview)), Is.EqualTo(entries.Select(e => (e.Slug, e.Question, e.Answer, e.NeedsReview))));
        Assert.That(again.SelectMany(e => e.Phrasings), Is.EqualTo(entries.SelectMany(e => e.Phrasings)));
    }

    [Test]
    public void IntentsYaml_FiveIntentsAndOutOfScopeExamples()
    {
        var intents = RepositoryContent.Intents();

        Assert.That(intents.Intents.Select(i => i.Name), Is.EquivalentTo(IntentNames));
        Assert.That(intents.Intents.Select(i => i.Phrasings.Count), Is.All.GreaterThanOrEqualTo(15));
        Assert.That(intents.OutOfScope, Has.Count.GreaterThanOrEqualTo(100));
        Assert.That(intents.Stopwords, Does.Contain("ạ"));
    }

    [Test]
    public void AbbreviationsYaml_CommonShorthandPresent()
    {
        var normalizer = new TextNormalizer(RepositoryContent.Abbreviations());

        var folded = normalizer.Normalize("ko dc hs dvc cchc ubnd gpxd sđt").FoldedText;

        Assert.That(folded, Is.EqualTo("khong duoc ho so dich vu cong cai cach hanh chinh uy ban nhan dan giay phep xay dung so dien thoai"));
    }
}

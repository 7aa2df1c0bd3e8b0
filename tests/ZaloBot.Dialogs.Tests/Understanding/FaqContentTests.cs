using ZaloBot.Dialogs.Faq;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class FaqContentTests
{
    private static readonly FaqEntry Sample = new(
        "dang-ky-khai-sinh",
        "Thủ tục thường gặp",
        "Đăng ký khai sinh: cần gì?",
        ["làm giấy khai sinh", "khai sinh cho con # ở đâu", "\"trích dẫn\" và dấu: hai chấm"],
        ["trich-luc-ho-tich"],
        "Dòng một.\n\n- Gạch đầu dòng: có dấu hai chấm.\n- Dòng 2 có “ngoặc kép”.",
        NeedsReview: true,
        Published: false);

    private static void AssertSame(FaqEntry actual, FaqEntry expected)
    {
        Assert.That(actual.Slug, Is.EqualTo(expected.Slug));
        Assert.That(actual.Category, Is.EqualTo(expected.Category));
        Assert.That(actual.Question, Is.EqualTo(expected.Question));
        Assert.That(actual.Phrasings, Is.EqualTo(expected.Phrasings));
        Assert.That(actual.Related, Is.EqualTo(expected.Related));
        Assert.That(actual.Answer, Is.EqualTo(expected.Answer));
        Assert.That(actual.NeedsReview, Is.EqualTo(expected.NeedsReview));
        Assert.That(actual.Published, Is.EqualTo(expected.Published));
    }

    [Test]
    public void Serialize_ThenParse_RoundTripsEveryField()
    {
        var second = Sample with { Slug = "dang-ky-ket-hon", Phrasings = [], Related = [], NeedsReview = false, Published = true };

        var parsed = FaqContent.Parse(FaqContent.Serialize([Sample, second]));

        Assert.That(parsed, Has.Count.EqualTo(2));
        AssertSame(parsed[0], Sample);
        AssertSame(parsed[1], second);
    }

    [Test]
    public void Serialize_MultilineAnswer_WrittenAsLiteralBlock()
    {
        var yaml = FaqContent.Serialize([Sample]);

        Assert.That(yaml, Does.Contain("answer: |"));
        Assert.That(yaml, Does.Contain("needs_review: true"));
        Assert.That(yaml, Does.Contain("published: false"));
    }

    [Test]
    public void Parse_HandWrittenYaml_ReadsFieldsAndDefaultsPublishedToTrue()
    {
        const string Yaml = """
            - slug: tra-cuu-ho-so
              category: Dịch vụ công
              question: Tra cứu hồ sơ ở đâu?
              phrasings: [tra cứu hồ sơ, "hồ sơ: tới đâu rồi"]
              answer: |
                Dòng một.
                Dòng hai.
            """;

        var entry = FaqContent.Parse(Yaml).Single();

        Assert.That(entry.Slug, Is.EqualTo("tra-cuu-ho-so"));
        Assert.That(entry.Phrasings, Is.EqualTo(new[] { "tra cứu hồ sơ", "hồ sơ: tới đâu rồi" }));
        Assert.That(entry.Related, Is.Empty);
        Assert.That(entry.Answer, Is.EqualTo("Dòng một.\nDòng hai."));
        Assert.That(entry.Published, Is.True);
        Assert.That(entry.NeedsReview, Is.False);
    }

    [Test]
    public void Parse_DuplicateSlug_Throws()
    {
        var yaml = FaqContent.Serialize([Sample]) + FaqContent.Serialize([Sample with { Question = "Khác?" }]);

        Assert.That(() => FaqContent.Parse(yaml), Throws.TypeOf<FormatException>().With.Message.Contains("twice"));
    }

    [TestCase("none")]
    [TestCase("Dang-Ky")]
    [TestCase("dang ky")]
    [TestCase("")]
    public void Serialize_InvalidSlug_Throws(string slug)
    {
        Assert.That(() => FaqContent.Serialize([Sample with { Slug = slug }]), Throws.TypeOf<FormatException>());
    }

    [Test]
    public void Serialize_AnswerOverLimit_Throws()
    {
        var entry = Sample with { Answer = new string('a', FaqContent.MaxAnswerLength + 1) };

        Assert.That(() => FaqContent.Serialize([entry]), Throws.TypeOf<FormatException>().With.Message.Contains("2000"));
    }

    [Test]
    public void Parse_BrokenYaml_ThrowsFormatException()
    {
        Assert.That(() => FaqContent.Parse("- slug: [unclosed"), Throws.TypeOf<FormatException>());
    }
}

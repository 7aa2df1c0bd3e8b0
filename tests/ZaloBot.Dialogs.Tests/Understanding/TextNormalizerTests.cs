using System.Text;
using ZaloBot.Dialogs.Understanding;

namespace ZaloBot.Dialogs.Tests.Understanding;

public class TextNormalizerTests
{
    private static readonly TextNormalizer Normalizer = new(AbbreviationDictionary.Create(new Dictionary<string, string>
    {
        ["ko"] = "không",
        ["dc"] = "được",
        ["đc"] = "được",
        ["hs"] = "hồ sơ",
        ["a"] = "anh",
        ["q"] = "quận",
        ["ubnd"] = "ủy ban nhân dân",
        ["ct"] = "chứng thực",
    }));

    private static string[] Folded(string message) => Normalizer.Normalize(message).Tokens.Select(t => t.Folded).ToArray();

    private static string[] ToneKeys(string message) => Normalizer.Normalize(message).Tokens.Select(t => t.ToneKey).ToArray();

    [TestCase("hoà", "hòa")]
    [TestCase("thuỷ", "thủy")]
    [TestCase("khoẻ", "khỏe")]
    [TestCase("Hoà Bình", "hòa bình")]
    public void Normalize_OldAndNewTonePlacement_GiveSameTokens(string oldStyle, string newStyle)
    {
        Assert.That(ToneKeys(oldStyle), Is.EqualTo(ToneKeys(newStyle)));
        Assert.That(Folded(oldStyle), Is.EqualTo(Folded(newStyle)));
    }

    [Test]
    public void Normalize_ToneKey_KeepsVowelMarksAndAppendsToneDigit()
    {
        Assert.That(ToneKeys("Hòa ĐƯỢC ạ"), Is.EqualTo(new[] { "hoa2", "đươc5", "a5" }));
    }

    [Test]
    public void Normalize_DStrokeAndDiacritics_FoldToAscii()
    {
        Assert.That(Folded("Đăng ký ĐỔI giấy tờ"), Is.EqualTo(new[] { "dang", "ky", "doi", "giay", "to" }));
    }

    [Test]
    public void Normalize_DecomposedInput_SameAsComposed()
    {
        var composed = "Đăng ký khai sinh ở phường";
        var decomposed = composed.Normalize(NormalizationForm.FormD);

        Assert.That(ToneKeys(decomposed), Is.EqualTo(ToneKeys(composed)));
    }

    [Test]
    public void Normalize_Shorthand_ExpandedFromDictionary()
    {
        Assert.That(Folded("hs ko dc duyệt"), Is.EqualTo(new[] { "ho", "so", "khong", "duoc", "duyet" }));
        Assert.That(Folded("đc"), Is.EqualTo(new[] { "duoc" }));
    }

    [Test]
    public void Normalize_ShorthandKey_DoesNotMatchAccentedWord()
    {
        // "a" means "anh", but "ạ" is a politeness particle and must stay as it is.
        Assert.That(Folded("a ơi"), Is.EqualTo(new[] { "anh", "oi" }));
        Assert.That(Folded("dạ ạ"), Is.EqualTo(new[] { "da", "a" }));
    }

    [Test]
    public void Normalize_LetterDigitRun_SplitsSoShorthandExpands()
    {
        Assert.That(Folded("ubnd q3"), Is.EqualTo(new[] { "uy", "ban", "nhan", "dan", "quan", "3" }));
    }

    [Test]
    public void Normalize_LettersGluedToDigits_AreACodeNotShorthand()
    {
        // "ct bản sao" is chứng thực, but "mẫu CT07" is the residence form: two or more letters glued to digits stay.
        Assert.That(Folded("ct ban sao"), Is.EqualTo(new[] { "chung", "thuc", "ban", "sao" }));
        Assert.That(Folded("mau CT07"), Is.EqualTo(new[] { "mau", "ct", "07" }));
        Assert.That(Folded("q3"), Is.EqualTo(new[] { "quan", "3" }));
    }

    [TestCase("Kiểm tra giúp mã PA-2026-000123 nhé", "PA-2026-000123")]
    [TestCase("phan anh pa2026000123 sao roi", "PA-2026-000123")]
    [TestCase("pa 2025 004567", "PA-2025-004567")]
    [TestCase("mã 000123 sao chưa trả lời", "000123")]
    [TestCase("mã phản ánh 000777 đã xử lý chưa", "000777")]
    [TestCase("ma so: 12345678", "12345678")]
    public void Normalize_TicketCode_Extracted(string message, string expected)
    {
        var normalized = Normalizer.Normalize(message);

        Assert.That(normalized.TicketCodes, Is.EqualTo(new[] { expected }));
        Assert.That(normalized.Tokens.Select(t => t.Folded), Does.Contain(NormalizedMessage.TicketCodeToken));
        Assert.That(normalized.PhoneNumbers, Is.Empty);
    }

    [TestCase("gọi cho tôi số 0903123456", "0903123456")]
    [TestCase("sđt 0903 123 456 nhé", "0903123456")]
    [TestCase("+84 903.123.456", "0903123456")]
    [TestCase("84903123456", "0903123456")]
    [TestCase("số bàn 028 3930 1234", "02839301234")]
    [TestCase("0912-345-678", "0912345678")]
    public void Normalize_VietnamesePhone_ExtractedInNationalForm(string message, string expected)
    {
        var normalized = Normalizer.Normalize(message);

        Assert.That(normalized.PhoneNumbers, Is.EqualTo(new[] { expected }));
        Assert.That(normalized.Tokens.Select(t => t.Folded), Does.Contain(NormalizedMessage.PhoneToken));
    }

    [TestCase("nộp 2 bộ hồ sơ năm 2026")]
    [TestCase("0123")]
    [TestCase("giá 1500000 đồng")]
    public void Normalize_NumbersThatAreNoPhone_NotExtracted(string message)
    {
        Assert.That(Normalizer.Normalize(message).PhoneNumbers, Is.Empty);
    }

    [Test]
    public void Normalize_EmojiAndPunctuation_Dropped()
    {
        Assert.That(Folded("👍👍"), Is.Empty);
        Assert.That(Folded("?????"), Is.Empty);
        Assert.That(Folded("chào 😊 bạn!!! ❤️"), Is.EqualTo(new[] { "chao", "ban" }));
    }

    [Test]
    public void Normalize_SeveralSentences_QuestionSentenceIsLastWithQuestionMark()
    {
        var normalized = Normalizer.Normalize("Con tôi mới sinh. Làm khai sinh ở đâu? Cảm ơn.");

        Assert.That(normalized.SentenceCount, Is.EqualTo(3));
        Assert.That(normalized.QuestionSentence, Is.EqualTo(1));
        Assert.That(normalized.Tokens.Where(t => t.Sentence == 1).Select(t => t.Folded), Is.EqualTo(new[] { "lam", "khai", "sinh", "o", "dau" }));
    }

    [Test]
    public void Normalize_NoQuestionMark_LastSentenceIsQuestion()
    {
        var normalized = Normalizer.Normalize("Nhà tôi ở phường 9. Tôi muốn làm giấy phép xây dựng");

        Assert.That(normalized.QuestionSentence, Is.EqualTo(1));
    }

    [Test]
    public void Normalize_LoneSurrogate_TreatedAsSeparator()
    {
        var normalizer = new TextNormalizer(AbbreviationDictionary.Empty);

        var normalized = normalizer.Normalize("khai sinh\uD83D con");

        Assert.That(normalized.Tokens.Select(t => t.Folded), Is.EqualTo(new[] { "khai", "sinh", "con" }));
    }
}

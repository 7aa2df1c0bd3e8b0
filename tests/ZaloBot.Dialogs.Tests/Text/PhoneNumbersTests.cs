using ZaloBot.Dialogs.Text;

namespace ZaloBot.Dialogs.Tests.Text;

public class PhoneNumbersTests
{
    [TestCase("0912345678", "0912345678")]
    [TestCase("0912 345 678", "0912345678")]
    [TestCase("091.234.5678", "0912345678")]
    [TestCase("+84 912 345 678", "0912345678")]
    [TestCase("84912345678", "0912345678")]
    [TestCase("028 3930 1234", "02839301234")]
    public void TryNormalize_VietnameseFormats_ReturnsNationalForm(string input, string expected)
    {
        Assert.That(PhoneNumbers.TryNormalize(input, out var phone), Is.True);
        Assert.That(phone, Is.EqualTo(expected));
    }

    [TestCase("12345")]
    [TestCase("0112345678")]
    [TestCase("09123456789")]
    [TestCase("abc")]
    public void TryNormalize_NotAPhone_ReturnsFalse(string input) =>
        Assert.That(PhoneNumbers.TryNormalize(input, out _), Is.False);

    [Test]
    public void Mask_MobileNumber_KeepsThreeDigitsEachSide() =>
        Assert.That(PhoneNumbers.Mask("0912345678"), Is.EqualTo("091****678"));

    [Test]
    public void MaskAll_TextWithPhone_MasksThePhoneOnly() =>
        Assert.That(PhoneNumbers.MaskAll("Gọi tôi 0912 345 678 sau 5 giờ, nhà số 12"), Is.EqualTo("Gọi tôi 091****678 sau 5 giờ, nhà số 12"));
}

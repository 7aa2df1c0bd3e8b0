using ZaloBot.Web.Reports;

namespace ZaloBot.Web.Tests.Reports;

public sealed class ReportTextsTests
{
    private static string ContentDirectory => Path.Combine(AppContext.BaseDirectory, "content");

    [Test]
    public void Load_ShippedFile_HasEveryHeadingAndVietnameseMonthLabels()
    {
        var texts = ReportTexts.Load(ContentDirectory);

        Assert.That(texts.Month(2026, 7), Is.EqualTo("Tháng 7/2026"));
        Assert.That(texts.Bucket(new DateOnly(2026, 6, 29), ReportGrain.Week), Is.EqualTo("Tuần 29/06/2026"));
        Assert.That(texts.SheetTickets.Length, Is.LessThanOrEqualTo(31), "Excel limits sheet names to 31 characters");
    }

    [Test]
    public void Parse_MissingHeading_FailsNamingIt()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ReportTexts.Parse("sheet_tickets: Phản ánh\n"));
        Assert.That(ex!.Message, Does.Contain("ColCode"));
    }

    [TestCase(2026, 7, 15, 2026, 7, 13)]
    [TestCase(2026, 7, 13, 2026, 7, 13)]
    [TestCase(2026, 7, 19, 2026, 7, 13)]
    public void BucketStart_Week_IsTheMonday(int y, int m, int d, int ey, int em, int ed) =>
        Assert.That(TicketReportQuery.BucketStart(new DateOnly(y, m, d), ReportGrain.Week), Is.EqualTo(new DateOnly(ey, em, ed)));
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>
/// The FAQ screens in a real browser (Debian's Chromium, headless, Playwright). Screenshots (PNG) go to the test's work
/// directory, and to ZALOBOT_SCREENSHOTS (e.g. docs/screenshots) when set.
/// </summary>
public sealed class FaqConsoleBrowserTests
{
    private ConsoleBrowser _browser = null!;

    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _browser = await ConsoleBrowser.StartAsync();
        _world = _browser.World;
    }

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _browser.DisposeAsync();

    [Test]
    public async Task Admin_EditsAnswerAndResolvesUnansweredQuestion_SavedWithNewRevision()
    {
        const string newAnswer = "Đăng ký khai sinh tại UBND phường nơi cư trú của cha hoặc mẹ, trong 60 ngày kể từ ngày sinh.\nMang giấy chứng sinh và giấy tờ tùy thân.";
        int revisionBefore;
        await using (var db = _world.Database.CreateContext())
        {
            revisionBefore = (await db.FaqEntries.SingleAsync(f => f.Slug == "dang-ky-khai-sinh")).Revision;
            var now = TimeProvider.System.GetUtcNow();
            db.UnansweredQuestions.AddRange(
                new UnansweredQuestion { Text = "làm lại giấy khai sinh bị mất thì sao ạ", AskedAt = now.AddMinutes(-5), TopCandidate = "dang-ky-khai-sinh", TopConfidence = 0.42, SourceMessageId = "browser-1" },
                new UnansweredQuestion { Text = "phường mình có chỗ giữ xe miễn phí không", AskedAt = now.AddMinutes(-30), TopCandidate = "buu-chinh-cong-ich", TopConfidence = 0.12, SourceMessageId = "browser-2" });
            await db.SaveChangesAsync();
        }

        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/console/sign-in");
        await ConsoleBrowser.SignInAsync(page, ConsoleWorld.Admin);

        await page.Locator("header.top").GetByRole(AriaRole.Link, new() { Name = "Câu hỏi thường gặp" }).ClickAsync();
        await page.Locator("#q").FillAsync("dang ky khai sinh");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await page.Locator("#faq tr[data-slug='dang-ky-khai-sinh'] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Sửa câu hỏi");

        await page.Locator("#answer").FillAsync(newAnswer);
        await Assertions.Expect(page.Locator("#answer-count")).ToHaveTextAsync($"{newAnswer.Length} / 2000 ký tự");
        await page.Locator("#save").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Đã lưu câu hỏi “dang-ky-khai-sinh”.");
        await Assertions.Expect(page.Locator("#history li").First).ToContainTextAsync($"Phiên bản {revisionBefore + 1} · Quản trị viên");
        await Assertions.Expect(page.Locator("#answer")).ToHaveValueAsync(newAnswer);

        await page.Locator("#try-q").FillAsync("làm giấy khai sinh cho con mới sinh");
        await page.Locator("#try-run").ClickAsync();
        await Assertions.Expect(page.Locator("#try-result li").First).ToContainTextAsync("dang-ky-khai-sinh");
        await ConsoleBrowser.ScreenshotAsync(page, "faq-edit");

        await page.Locator("header.top").GetByRole(AriaRole.Link, new() { Name = "Câu hỏi chưa trả lời" }).ClickAsync();
        await Assertions.Expect(page.Locator("#questions tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#questions tbody tr").First).ToContainTextAsync("làm lại giấy khai sinh bị mất");
        await ConsoleBrowser.ScreenshotAsync(page, "unanswered");
        await page.Locator("#questions tbody tr").First.Locator("button.add").ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToHaveTextAsync("Đã thêm vào câu hỏi “dang-ky-khai-sinh” như một cách hỏi khác.");
        await Assertions.Expect(page.Locator("#questions tbody tr")).ToHaveCountAsync(1);

        await using var check = _world.Database.CreateContext();
        var entry = await check.FaqEntries.SingleAsync(f => f.Slug == "dang-ky-khai-sinh");
        Assert.That(entry.Answer, Is.EqualTo(newAnswer));
        Assert.That(entry.Revision, Is.EqualTo(revisionBefore + 2));
        Assert.That(entry.Phrasings, Does.Contain("làm lại giấy khai sinh bị mất thì sao ạ"));
        Assert.That((await check.UnansweredQuestions.SingleAsync(q => q.SourceMessageId == "browser-1")).Status, Is.EqualTo(UnansweredStatus.Resolved));
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ZaloBot.Dialogs.Faq;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>The FAQ editor over real HTTP: revisions, conflicts, limits, roles (the recognizer learns each save).</summary>
public sealed class FaqEditHttpTests
{
    private static readonly string[] ForbiddenPaths = ["/console/faq", "/console/faq/edit/dang-ky-khai-sinh", "/console/faq/new", "/console/unanswered"];

    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task Edit_AdminAddsPhrasingAndChangesAnswer_StoredAsNewRevisionAndRecognizerAnswersIt()
    {
        const string slug = "dang-ky-khai-tu";
        const string phrasing = "bà ngoại vừa qua đời tuần trước con cháu phải lo giấy tờ gì với phường";
        var before = await _world.FaqEntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form["phrasings"] = string.Join("\r\n", [.. before.Phrasings, phrasing]);
        form["answer"] = "Đăng ký khai tử tại UBND phường nơi cư trú cuối cùng của người mất, trong 15 ngày.\r\nMiễn lệ phí khi đúng hạn.";

        using var response = await ConsoleWorld.PostFormAsync(client, $"/console/faq/edit/{slug}", form);
        var page = await client.GetStringAsync($"/console/faq/edit/{slug}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page, Does.Contain($"Đã lưu câu hỏi “{slug}”."));
        var after = await _world.FaqEntryAsync(slug);
        Assert.That(after.Answer, Is.EqualTo("Đăng ký khai tử tại UBND phường nơi cư trú cuối cùng của người mất, trong 15 ngày.\nMiễn lệ phí khi đúng hạn."));
        Assert.That(after.Phrasings, Is.EqualTo(before.Phrasings.Append(phrasing).ToList()));
        Assert.That(after.Revision, Is.EqualTo(before.Revision + 1));
        Assert.That(after.UpdatedBy, Is.EqualTo("Quản trị viên"));
        await using (var db = _world.Database.CreateContext())
        {
            var revision = await db.FaqEntryRevisions.SingleAsync(r => r.FaqEntryId == after.Id && r.Revision == after.Revision);
            Assert.That(revision.ChangedBy, Is.EqualTo("Quản trị viên"));
            Assert.That(revision.Answer, Is.EqualTo(after.Answer));
        }

        Assert.That(page, Does.Contain($"data-revision=\"{after.Revision}\""));
        var recognizer = _world.Factory.Services.GetRequiredService<LiveRecognizer>();
        var learned = await Eventually.TrueAsync(() => recognizer.Recognize(phrasing) is { TopLabel: slug, Decision: RecognitionDecision.Answer }, TimeSpan.FromSeconds(3));
        Assert.That(learned, Is.True, "the recognizer did not answer the new phrasing with the edited entry within 3 s");
    }

    [TestCase("/console/faq/edit/dang-ky-khai-sinh")]
    [TestCase("/console/faq/new")]
    public async Task EditForm_Admin_CarriesItsOwnAntiforgeryToken(string path)
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);

        var html = await client.GetStringAsync(path);

        // The layout's sign-out form has a token too; the edit form (posting to an explicit action) needs its own.
        var start = html.IndexOf("id=\"faq-form\"", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThan(0));
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        Assert.That(form, Does.Contain("name=\"__RequestVerificationToken\""));
    }

    [Test]
    public async Task Edit_StaleVersion_ShowsConflictMessageAndKeepsTheOtherEdit()
    {
        const string slug = "dang-ky-ket-hon";
        var loaded = await _world.FaqEntryAsync(slug);
        using var first = await _world.SignInAsync(ConsoleWorld.Admin);
        using var second = await _world.SignInAsync(ConsoleWorld.Admin);
        var firstForm = FormFor(loaded);
        firstForm["answer"] = "Bản sửa của người thứ nhất.";
        var secondForm = FormFor(loaded);
        secondForm["answer"] = "Bản sửa của người thứ hai.";

        using var saved = await ConsoleWorld.PostFormAsync(first, $"/console/faq/edit/{slug}", firstForm);
        using var stale = await ConsoleWorld.PostFormAsync(second, $"/console/faq/edit/{slug}", secondForm);
        var html = await stale.Content.ReadAsStringAsync();

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(html, Does.Contain("vừa được người khác sửa trong lúc bạn đang sửa, nên thay đổi của bạn CHƯA được lưu"));
        Assert.That(html, Does.Contain("Bản sửa của người thứ hai."), "the user's text stays in the form");
        var stored = await _world.FaqEntryAsync(slug);
        Assert.That(stored.Answer, Is.EqualTo("Bản sửa của người thứ nhất."));
        Assert.That(stored.Revision, Is.EqualTo(loaded.Revision + 1));
    }

    [Test]
    public async Task Edit_AnswerOver2000Characters_ShowsErrorAndSavesNothing()
    {
        const string slug = "xac-nhan-tinh-trang-hon-nhan";
        var before = await _world.FaqEntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form["answer"] = new string('a', 2001);

        using var response = await ConsoleWorld.PostFormAsync(client, $"/console/faq/edit/{slug}", form);

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Câu trả lời dài 2.001 ký tự, vượt quá giới hạn 2.000 ký tự"));
        var after = await _world.FaqEntryAsync(slug);
        Assert.That(after.Answer, Is.EqualTo(before.Answer));
        Assert.That(after.Revision, Is.EqualTo(before.Revision));
    }

    [Test]
    public async Task Edit_Answer2000CharactersWithLineBreaks_IsSavedWithLineBreaksCountedOnce()
    {
        const string slug = "tra-cuu-ho-so";
        var before = await _world.FaqEntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        // 1,000 lines of "x" = 1,999 characters with LF; a browser posts them with CRLF (2,998).
        form["answer"] = string.Join("\r\n", Enumerable.Repeat("x", 1000));

        using var response = await ConsoleWorld.PostFormAsync(client, $"/console/faq/edit/{slug}", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await _world.FaqEntryAsync(slug)).Answer, Has.Length.EqualTo(1999));
    }

    [Test]
    public async Task Edit_UnknownRelatedSlug_ShowsErrorAndSavesNothing()
    {
        const string slug = "dang-ky-ho-kinh-doanh";
        var before = await _world.FaqEntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form["related"] = "dang-ky-khai-sinh, khong-co-ma-nay";
        form["answer"] = "Không được lưu.";

        using var response = await ConsoleWorld.PostFormAsync(client, $"/console/faq/edit/{slug}", form);

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Câu hỏi liên quan không tồn tại: khong-co-ma-nay."));
        var after = await _world.FaqEntryAsync(slug);
        Assert.That(after.Answer, Is.EqualTo(before.Answer));
        Assert.That(after.Revision, Is.EqualTo(before.Revision));
    }

    [Test]
    public async Task Edit_WithoutVersion_ShowsErrorAndSavesNothing()
    {
        const string slug = "kenh-thong-tin";
        var before = await _world.FaqEntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form.Remove("version");
        form["answer"] = "Không có phiên bản thì không được ghi đè.";

        using var response = await ConsoleWorld.PostFormAsync(client, $"/console/faq/edit/{slug}", form);

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Thiếu phiên bản của câu hỏi đang sửa."));
        Assert.That((await _world.FaqEntryAsync(slug)).Revision, Is.EqualTo(before.Revision));
    }

    [Test]
    public async Task New_ExistingSlug_ShowsErrorAndDoesNotOverwrite()
    {
        var before = await _world.FaqEntryAsync("video-huong-dan");
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form.Remove("version");
        form["answer"] = "Không được ghi đè.";

        using var response = await ConsoleWorld.PostFormAsync(client, "/console/faq/new", form, tokenPath: "/console/faq/new");

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Mã “video-huong-dan” đã có câu hỏi khác."));
        Assert.That((await _world.FaqEntryAsync("video-huong-dan")).Answer, Is.EqualTo(before.Answer));
    }

    [TestCase(ConsoleWorld.Ward1)]
    [TestCase(ConsoleWorld.Supervisor)]
    public async Task Pages_UnitOrSupervisor_AreForbidden(string email)
    {
        using var client = await _world.SignInAsync(email);

        foreach (var path in ForbiddenPaths)
        {
            using var response = await client.GetAsync(path);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), path);
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/console/denied"), path);
            using var denied = await client.GetAsync(response.Headers.Location);
            Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), path);
        }
    }

    [Test]
    public async Task Office_ViewsPagesReadOnly_PostsAreForbiddenAndChangeNothing()
    {
        const string slug = "dang-ky-khai-sinh";
        var before = await _world.FaqEntryAsync(slug);
        var questionId = await _world.AddUnansweredAsync("cho hỏi làm khai sinh cho bé ở phường nào");
        using var client = await _world.SignInAsync(ConsoleWorld.Office);

        using var list = await client.GetAsync("/console/faq");
        var edit = await client.GetStringAsync($"/console/faq/edit/{slug}");
        var unanswered = await client.GetStringAsync("/console/unanswered");
        var form = FormFor(before);
        form["answer"] = "Văn phòng không được sửa.";
        using var post = await ConsoleWorld.PostFormAsync(client, $"/console/faq/edit/{slug}", form);
        using var add = await ConsoleWorld.PostFormAsync(client, "/console/unanswered?handler=Add", new() { ["id"] = ConsoleWorld.Field(questionId), ["slug"] = slug }, tokenPath: "/console/unanswered");
        using var ignore = await ConsoleWorld.PostFormAsync(client, "/console/unanswered?handler=Ignore", new() { ["id"] = ConsoleWorld.Field(questionId) }, tokenPath: "/console/unanswered");

        Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(edit, Does.Contain("Bạn chỉ có quyền xem."));
        Assert.That(edit, Does.Not.Contain("id=\"save\""));
        Assert.That(unanswered, Does.Contain("cho hỏi làm khai sinh cho bé ở phường nào"));
        Assert.That(unanswered, Does.Not.Contain("Thêm vào câu hỏi…"));
        foreach (var response in new[] { post, add, ignore })
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location!.ToString(), Does.Contain("/console/denied"));
        }

        var after = await _world.FaqEntryAsync(slug);
        Assert.That(after.Answer, Is.EqualTo(before.Answer));
        Assert.That(after.Phrasings, Is.EqualTo(before.Phrasings));
        await using var db = _world.Database.CreateContext();
        Assert.That((await db.UnansweredQuestions.SingleAsync(q => q.Id == questionId)).Status, Is.EqualTo(UnansweredStatus.New));
    }

    /// <summary>The edit form as the page renders it for <paramref name="entry"/> (CRLF line breaks, as a browser posts).</summary>
    private static Dictionary<string, string> FormFor(StoredFaqEntry entry)
    {
        var form = new Dictionary<string, string>
        {
            ["version"] = ConsoleWorld.Field(entry.Version), ["slug"] = entry.Slug, ["question"] = entry.Question, ["category"] = entry.Category,
            ["phrasings"] = string.Join("\r\n", entry.Phrasings), ["related"] = string.Join("\r\n", entry.Related), ["answer"] = entry.Answer,
        };
        if (entry.IsPublished)
        {
            form["isPublished"] = "true";
        }

        if (entry.NeedsReview)
        {
            form["needsReview"] = "true";
        }

        return form;
    }
}

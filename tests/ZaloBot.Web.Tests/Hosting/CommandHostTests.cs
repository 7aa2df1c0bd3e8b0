using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.OaConnection;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Hosting;

/// <summary>The one-shot commands run on <see cref="CommandHost"/>: no web server, no workers, their own settings validated.</summary>
public sealed class CommandHostTests
{
    [Test]
    public async Task Build_CommandHost_HasNoHostedWorkerNorTheChannel()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        using var host = Build(database.ConnectionString);

        Assert.That(host.Services.GetServices<IHostedService>(), Is.Empty);
        Assert.That(host.Services.GetService<InboundWorker>(), Is.Null);
        Assert.That(host.Services.GetService<OutboxWorker>(), Is.Null);
        await using var scope = host.Services.CreateAsyncScope();
        Assert.That(scope.ServiceProvider.GetService<OaConnector>(), Is.Not.Null, "oa");
        Assert.That(scope.ServiceProvider.GetService<FaqEditor>(), Is.Not.Null, "faq");
        Assert.That(scope.ServiceProvider.GetService<LiveRecognizer>(), Is.Not.Null, "eval");
    }

    [Test]
    public async Task MigrateSeedAndUserAdd_OnAFreshDatabase_RunOnTheCommandHost()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        using var host = Build(database.ConnectionString);

        Assert.That(await Commands.MigrateAsync(host.Services), Is.Zero);
        Assert.That(await Commands.SeedAsync(host.Services), Is.Zero);
        var output = new StringWriter();
        var code = await UserCommand.RunAsync(host.Services, ["add", "--email", "admin@q3.test", "--name", "Quản trị", "--role", StaffRoles.Admin],
            new StringReader("Matkhau-2026\n"), output);

        Assert.That(code, Is.Zero, output.ToString());
        await using var db = database.CreateContext();
        Assert.That(await db.Database.GetPendingMigrationsAsync(), Is.Empty);
        Assert.That(await db.FaqEntries.CountAsync(), Is.GreaterThan(0));
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.That(await users.IsInRoleAsync((await users.FindByEmailAsync("admin@q3.test"))!, StaffRoles.Admin), Is.True);
    }

    [Test]
    public async Task Build_InvalidSetting_FailsBeforeTheCommandRuns()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();

        var ex = Assert.Throws<OptionsValidationException>(() => Build(database.ConnectionString, ("Recognizer:AnswerThreshold", "7")).Dispose());

        Assert.That(ex!.Message, Does.Contain("Recognizer"));
    }

    private static IHost Build(string postgres, params (string Key, string? Value)[] overrides)
    {
        var settings = new ZaloBotFactory(postgres, TestServers.Redis).Settings.ToDictionary();
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        // Development validates every registration when the provider is built, as ./zalobot runs the commands.
        return CommandHost.Build([], "Development", builder => builder.Configuration.AddInMemoryCollection(settings));
    }
}

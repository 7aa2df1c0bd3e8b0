using System.Reflection;
using Microsoft.Extensions.Configuration;
using ZaloBot.Dialogs.Engine;
using ZaloBot.Dialogs.Understanding;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Storage;
using ZaloBot.Web.Webhook;
using ZaloBot.Zalo.Api;
using ZaloBot.Zalo.Fake;
using ZaloBot.Zalo.Tokens;
using ZaloBot.Zalo.Webhook;

namespace ZaloBot.Web.Tests.Hosting;

public sealed class SampleSettingsTests
{
    private static readonly (string Section, Type Options)[] Sections =
    [
        ("Service", typeof(ServiceOptions)),
        ("Cchc", typeof(ZaloBot.Web.Cchc.CchcOptions)),
        ("Mail", typeof(ZaloBot.Web.Notifications.MailOptions)),
        ("Redis", typeof(RedisOptions)),
        ("Health", typeof(HealthOptions)),
        ("Telemetry", typeof(TelemetryOptions)),
        ("Webhook", typeof(WebhookOptions)),
        ("Inbound", typeof(InboundOptions)),
        ("Outbox", typeof(OutboxOptions)),
        ("DataProtection", typeof(DataProtectionKeysOptions)),
        ("Recognizer", typeof(RecognizerOptions)),
        ("Bot", typeof(BotOptions)),
        ("Office", typeof(OfficeHoursOptions)),
        ("Zalo:Api", typeof(ZaloApiOptions)),
        ("Zalo:Webhook", typeof(ZaloWebhookOptions)),
        ("Zalo:Tokens", typeof(ZaloTokenOptions)),
        ("Zalo:Resilience", typeof(ZaloResilienceOptions)),
        ("Zalo:Fake", typeof(FakeZaloOptions)),
    ];

    [Test]
    public void Sample_EverySettableOptionProperty_IsDocumented()
    {
        var sample = new ConfigurationBuilder().AddJsonFile(SamplePath(), optional: false).Build();

        var missing = Sections
            .SelectMany(s => s.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.SetMethod!.IsPublic)
                .Select(p => $"{s.Section}:{p.Name}"))
            .Where(key => !sample.AsEnumerable().Any(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.That(missing, Is.Empty, "settings missing from appsettings.sample.json");
    }

    private static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.sample.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("appsettings.sample.json not found above the test binaries");
    }
}

using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
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

/// <summary>Every configuration key the service binds: the options sections, the connection strings, ASP.NET Core's own.</summary>
public static class OptionsCatalog
{
    public static readonly (string Section, Type Options)[] Sections =
    [
        ("Service", typeof(ServiceOptions)),
        ("Cchc", typeof(ZaloBot.Web.Cchc.CchcOptions)),
        ("Mail", typeof(ZaloBot.Web.Notifications.MailOptions)),
        ("Organisation", typeof(ZaloBot.Web.Organisation.OrganisationOptions)),
        ("StaffZalo", typeof(ZaloBot.Web.Notifications.StaffZaloOptions)),
        ("Redis", typeof(RedisOptions)),
        ("Health", typeof(HealthOptions)),
        ("Telemetry", typeof(TelemetryOptions)),
        ("KeyRing", typeof(KeyRingOptions)),
        ("Proxy", typeof(ProxyOptions)),
        ("Webhook", typeof(WebhookOptions)),
        ("Media", typeof(ZaloBot.Web.Media.MediaOptions)),
        ("Retention", typeof(ZaloBot.Web.Privacy.RetentionOptions)),
        ("Console:SignIn", typeof(ZaloBot.Web.Console.SignIn.SignInLimitOptions)),
        ("Inbound", typeof(InboundOptions)),
        ("Outbox", typeof(OutboxOptions)),
        ("Recognizer", typeof(RecognizerOptions)),
        ("Bot", typeof(BotOptions)),
        ("Office", typeof(OfficeHoursOptions)),
        ("Zalo:Api", typeof(ZaloApiOptions)),
        ("Zalo:Webhook", typeof(ZaloWebhookOptions)),
        ("Zalo:Tokens", typeof(ZaloTokenOptions)),
        ("Zalo:Resilience", typeof(ZaloResilienceOptions)),
        ("Zalo:Fake", typeof(FakeZaloOptions)),
    ];

    /// <summary>Read by the framework or the composition root itself, not through an options class.</summary>
    public static readonly string[] HostKeys =
    [
        "ConnectionStrings:Postgres", "ConnectionStrings:Redis", "AllowedHosts", "ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS",
    ];

    /// <summary>What a Production start-up cannot do without (a [Required] setting with no usable default, or a check at start).</summary>
    public static IReadOnlyList<string> RequiredInProduction()
    {
        var required = Sections
            .Where(s => s.Options != typeof(FakeZaloOptions))
            .SelectMany(s => Settable(s.Options)
                .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null && IsEmptyByDefault(s.Options, p))
                .Select(p => $"{s.Section}:{p.Name}"))
            .ToList();
        // Checked at start in Production (Hosting/EdgeConfiguration, KeyRingConfiguration, Storage/RedisConfiguration);
        // the deploy files give Redis its password as Redis__Password, not inside the connection string.
        required.AddRange(["ConnectionStrings:Postgres", "ConnectionStrings:Redis", "AllowedHosts", "KeyRing:Certificate", "Redis:Password"]);
        return required;
    }

    public static IEnumerable<PropertyInfo> Settable(Type options) =>
        options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic);

    /// <summary>
    /// Null when <paramref name="key"/> (colon form, e.g. <c>Proxy:KnownNetworks:0</c>) is bound by the service;
    /// otherwise why not.
    /// </summary>
    public static string? Unknown(string key)
    {
        if (HostKeys.Contains(key, StringComparer.OrdinalIgnoreCase) || key.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var (section, options) in Sections)
        {
            if (!key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = key[(section.Length + 1)..].Split(':');
            var property = Settable(options).FirstOrDefault(p => string.Equals(p.Name, rest[0], StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                continue;
            }

            var isList = property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(property.PropertyType);
            return rest.Length switch
            {
                1 => null,
                2 when isList && int.TryParse(rest[1], out _) => null,
                _ => $"{key}: {options.Name}.{property.Name} has no sub-key '{string.Join(':', rest[1..])}'",
            };
        }

        return $"{key}: no options class binds it";
    }

    private static bool IsEmptyByDefault(Type options, PropertyInfo property) =>
        property.GetValue(Activator.CreateInstance(options)) is null or "";
}

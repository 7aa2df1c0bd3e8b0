using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Notifications;

/// <summary>Section "Mail": e-mail to staff (ticket assigned, due tomorrow, daily digest per unit) over SMTP.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Off by default: nothing is queued or sent until an SMTP server is configured.</summary>
    public bool Enabled { get; set; }

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS on the submission port (587); false only for a local relay or a test sink.</summary>
    public bool UseStartTls { get; set; } = true;

    public string? Username { get; set; }

    /// <summary>SECRET: from the environment (Mail__Password), never from a committed file.</summary>
    public string? Password { get; set; }

    [EmailAddress]
    public string From { get; set; } = "zalobot@quan3.gov.vn";

    /// <summary>Local hour (UTC+7) after which the day's digest per unit is sent, once a day.</summary>
    [Range(0, 23)]
    public int DigestHour { get; set; } = 7;

    /// <summary>How often the worker looks for new assignments and sends queued mail.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Base address of the console in links (e.g. https://zalo.quan3.gov.vn).</summary>
    [Url]
    public string ConsoleBaseUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>A failing mail is tried this many times (with the poll interval between tries), then kept as failed.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;
}

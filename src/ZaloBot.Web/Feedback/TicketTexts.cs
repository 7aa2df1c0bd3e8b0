using ZaloBot.Web.Hosting;

namespace ZaloBot.Web.Feedback;

/// <summary>The ticket texts staff read, from content/tickets.vi.yaml: status labels and the answer to each <see cref="TicketResultCode"/>.</summary>
public sealed class TicketTexts
{
    public const string FileName = "tickets.vi.yaml";

    private IReadOnlyDictionary<TicketStatus, string> _status = new Dictionary<TicketStatus, string>();
    private IReadOnlyDictionary<TicketResultCode, string> _results = new Dictionary<TicketResultCode, string>();

    /// <summary>The actor name of events the citizen caused from the chat (rating, reopen, intake).</summary>
    public string CitizenActor { get; set; } = "";

    /// <summary>The timeline note of a reopen the citizen asked for ("chưa được giải quyết").</summary>
    public string CitizenReopenReason { get; set; } = "";

    public Dictionary<string, string>? Status { get; set; }

    public Dictionary<string, string>? Results { get; set; }

    public string Label(TicketStatus status) => _status[status];

    public string Message(TicketActionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ContentFile.Fill(_results[result.Code],
            ("from", result.From is { } from ? Label(from) : null),
            ("to", result.To is { } to ? Label(to) : null),
            ("unit", result.UnitName));
    }

    public static TicketTexts Parse(string yaml)
    {
        var texts = ContentFile.Parse<TicketTexts>(yaml, FileName);
        texts._status = ContentFile.ByEnum<TicketStatus>(texts.Status, "status", FileName);
        texts._results = ContentFile.ByEnum<TicketResultCode>(texts.Results, "results", FileName);
        return texts;
    }

    public static TicketTexts Load(string contentDirectory) => Parse(File.ReadAllText(Path.Combine(contentDirectory, FileName)));
}

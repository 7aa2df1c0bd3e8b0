using System.Globalization;
using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Tests.Support;

/// <summary>Behaves like the real desk and committer: numbered codes, own tickets only; the transcript applies effects here.</summary>
internal sealed class InMemoryFeedbackDesk : IFeedbackDesk
{
    private readonly Dictionary<string, CreatedTicket> _byKey = new(StringComparer.Ordinal);
    private int _next = 122;

    public List<(NewTicket Ticket, TicketView View)> Tickets { get; } = [];

    public List<(string Code, int Stars)> Ratings { get; } = [];

    public List<string> Reopened { get; } = [];

    public IReadOnlyList<FeedbackCategoryView> Categories { get; set; } =
    [
        new("tthc", "Thủ tục hành chính", CategoryKind.Feedback, ["thu tuc"]) { Cues = ["hồ sơ", "quá hẹn"] },
        new("tt-do-thi", "Trật tự đô thị", CategoryKind.Feedback, ["lan chiem"]) { Cues = ["lấn chiếm", "vỉa hè"] },
        new("moi-truong", "Vệ sinh môi trường", CategoryKind.Feedback, ["rac"]) { Cues = ["rác", "karaoke", "tiếng ồn"] },
        new("ha-tang", "Đường, đèn, cống", CategoryKind.Feedback, []) { Cues = ["đèn đường", "cống", "ổ gà", "cây đổ"] },
        new("can-bo", "Thái độ cán bộ", CategoryKind.Feedback, []) { Cues = ["thái độ", "hách dịch"] },
        new("khieu-nai", "Khiếu nại, tố cáo", CategoryKind.ComplaintOrDenunciation, ["khieu nai", "to cao"]) { Cues = ["khiếu nại", "tố cáo"] },
        new("khan-cap", "Khẩn cấp", CategoryKind.Emergency, ["chay", "cap cuu"]) { Cues = ["cháy nhà", "cấp cứu"] },
    ];

    public IReadOnlyList<Street> Streets { get; set; } =
    [
        new("Trần Quốc Thảo", ["p9", "vts"]),
        new("Kỳ Đồng", ["p9"]),
        new("Võ Văn Tần", ["vts", "p5"]),
    ];

    public IReadOnlyList<Ward> Wards { get; set; } =
        new[] { "1", "2", "3", "4", "5", "9", "10", "11", "12", "13", "14" }
            .Select(n => new Ward("p" + n, "Phường " + n, [n, "p" + n, "p." + n]))
            .Append(new Ward("vts", "Phường Võ Thị Sáu", ["vo thi sau", "vts"]))
            .ToList();

    public Task<IReadOnlyList<FeedbackCategoryView>> GetCategoriesAsync(CancellationToken cancellationToken) => Task.FromResult(Categories);

    public Task<IReadOnlyList<Ward>> GetWardsAsync(CancellationToken cancellationToken) => Task.FromResult(Wards);

    public Task<IReadOnlyList<Street>> GetStreetsAsync(CancellationToken cancellationToken) => Task.FromResult(Streets);

    public CreatedTicket CreateTicket(NewTicket ticket, string idempotencyKey)
    {
        if (!_byKey.TryGetValue(idempotencyKey, out var created))
        {
            _next++;
            var submitted = ticket.SubmittedAt.ToOffset(TimeSpan.FromHours(7));
            created = new CreatedTicket(
                string.Create(CultureInfo.InvariantCulture, $"PA-{submitted.Year}-{_next:D6}"),
                DateOnly.FromDateTime(submitted.Date).AddDays(15));
            _byKey[idempotencyKey] = created;
            var category = Categories.First(c => c.Code == ticket.CategoryCode).Label;
            Tickets.Add((ticket, new TicketView(created.Code, category, TicketProgress.Received, null, created.DueDate, null, ticket.SubmittedAt)));
        }

        return created;
    }

    public void Seed(string userId, TicketView view) =>
        Tickets.Add((new NewTicket(userId, "tthc", "p1", "seeded", [], null, null, null, view.CreatedAt), view));

    public Task<IReadOnlyList<TicketView>> ListTicketsAsync(string zaloUserId, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TicketView>>(Tickets.Where(t => t.Ticket.ZaloUserId == zaloUserId)
            .Select(t => t.View).OrderByDescending(v => v.CreatedAt).Take(max).ToList());

    public Task<TicketView?> FindTicketAsync(string zaloUserId, string code, CancellationToken cancellationToken) =>
        Task.FromResult(Tickets.Where(t => t.Ticket.ZaloUserId == zaloUserId && t.View.Code == code).Select(t => t.View).FirstOrDefault());

    public Task<TicketView?> FindTicketByKeyAsync(string zaloUserId, string key, CancellationToken cancellationToken) =>
        Task.FromResult(_byKey.TryGetValue(key, out var created)
            ? Tickets.Where(t => t.Ticket.ZaloUserId == zaloUserId && t.View.Code == created.Code).Select(t => t.View).FirstOrDefault()
            : null);

    public void Rate(string code, int stars) => Ratings.Add((code, stars));

    public void Reopen(string code) => Reopened.Add(code);
}

using ClosedXML.Excel;
using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Calendar;
using ZaloBot.Web.Feedback;

namespace ZaloBot.Web.Reports;

/// <summary>
/// The Excel (.xlsx) exports of the reports page: the filtered tickets and each table. Every cell is written as a typed
/// value (text, number, date), never as a formula: a citizen's text that starts with "=" stays text.
/// </summary>
public sealed class ReportWorkbook(ReportTexts texts, TicketTexts tickets)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <param name="includeText">The citizen's text is left out for readers who only oversee (Supervisor).</param>
    public byte[] Tickets(ReportFilter filter, IReadOnlyList<ReportTicketRow> rows, DateOnly today, bool includeText)
    {
        List<string> headers = [texts.ColCode, texts.ColReceived, texts.ColCategory, texts.ColWard, texts.ColUnit, texts.ColStatus, texts.ColDue, texts.ColAnswered, texts.ColOnTime, texts.ColOverdue, texts.ColRating];
        if (includeText)
        {
            headers.Add(texts.ColText);
        }

        return Write(texts.SheetTickets, texts.TitleTickets, filter, headers, rows.Select(r =>
        {
            List<object?> cells =
            [
                r.Code, LocalDateTime(r.CreatedAt), r.Category, r.Ward ?? "", r.Unit ?? "", tickets.Label(r.Status), r.DueDate,
                r.AnsweredAt is { } a ? LocalDateTime(a) : null, r.AnsweredAt is null ? "" : r.AnsweredOnTime ? texts.Yes : texts.No,
                r.IsOverdue(today) ? texts.Yes : texts.No, r.Rating,
            ];
            if (includeText)
            {
                cells.Add(r.Text);
            }

            return cells;
        }));
    }

    public byte[] Lines(string table, ReportFilter filter, IReadOnlyList<ReportLine> lines)
    {
        var sheet = table switch
        {
            "unit" => texts.SheetUnit,
            "ward" => texts.SheetWard,
            _ => texts.SheetCategory,
        };
        return Write(sheet, sheet, filter,
            [texts.ColName, texts.ColTotal, texts.ColOpen, texts.ColOverdue, texts.ColAnsweredOnTime, texts.ColAnsweredLate, texts.ColAverageRating],
            lines.Select(l => (IReadOnlyList<object?>)[l.Name.Length == 0 ? texts.Unknown : l.Name, l.Total, l.Open, l.Overdue, l.AnsweredOnTime, l.AnsweredLate, l.AverageRating is { } r ? Math.Round(r, 2) : null]));
    }

    public byte[] Status(TicketReport report) =>
        Write(texts.SheetStatus, texts.SheetStatus, report.Filter, [texts.ColStatus, texts.ColCount],
            report.ByStatus.Select(s => (IReadOnlyList<object?>)[tickets.Label(s.Status), s.Count]));

    public byte[] Ratings(TicketReport report) =>
        Write(texts.SheetRatings, texts.SheetRatings, report.Filter, [texts.ColStars, texts.ColCount],
            report.Ratings.Select(s => (IReadOnlyList<object?>)[s.Stars, s.Count]));

    public byte[] Volume(TicketReport report) =>
        Write(texts.SheetVolume, texts.SheetVolume, report.Filter, [texts.ColPeriod, texts.ColReceivedCount, texts.ColAnsweredCount, texts.ColOverdue, texts.ColAverageDays],
            report.Volume.Select(b => (IReadOnlyList<object?>)[texts.Bucket(b.Start, TicketReportQuery.Grain(report.Filter)), b.Received, b.Answered, b.Overdue, b.AverageAnswerDays is { } d ? Math.Round(d, 1) : null]));

    public byte[] Registrations(DialogueSession session, IReadOnlyList<DialogueRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Write(texts.SheetRegistrations, session.Title, SessionDay(session),
            [texts.ColBusiness, texts.ColField, texts.ColTaxCode, texts.ColContact, texts.ColPhone, texts.ColRegistered],
            registrations.Select(r => (IReadOnlyList<object?>)[r.BusinessName, r.Field, r.TaxCode ?? "", r.ContactName ?? "", r.ContactPhone ?? "", LocalDateTime(r.RegisteredAt)]));
    }

    public byte[] Questions(DialogueSession session, IReadOnlyList<DialogueQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Write(texts.SheetQuestions, session.Title, SessionDay(session),
            [texts.ColQuestion, texts.ColBusiness, texts.ColGroup, texts.ColAssignedUnit, texts.ColAnswer, texts.ColAsked, texts.ColSent],
            questions.Select(q => (IReadOnlyList<object?>)[q.Text, q.Registration?.BusinessName ?? "", q.GroupName ?? "", q.AssignedUnit?.Name ?? "", q.Answer ?? "",
                LocalDateTime(q.AskedAt), q.AnswerOutboundMessageId is null ? texts.No : texts.Yes]));
    }

    private static ReportFilter SessionDay(DialogueSession session)
    {
        var day = WorkingDayCalendar.LocalDate(session.StartsAt);
        return new ReportFilter(day, day);
    }

    private byte[] Write(string sheetName, string title, ReportFilter filter, List<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add(sheetName);
        sheet.Cell(1, 1).SetValue(title).Style.Font.SetBold(true).Font.SetFontSize(13);
        sheet.Cell(2, 1).SetValue(texts.TitlePeriod.Replace("{from}", Date(filter.From), StringComparison.Ordinal).Replace("{to}", Date(filter.To), StringComparison.Ordinal));
        const int headerRow = 4;
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Cell(headerRow, c + 1).SetValue(headers[c]).Style.Font.SetBold(true).Fill.SetBackgroundColor(XLColor.FromHtml("#EEF2F7"));
        }

        var row = headerRow;
        foreach (var cells in rows)
        {
            row++;
            for (var c = 0; c < cells.Count; c++)
            {
                Set(sheet.Cell(row, c + 1), cells[c]);
            }
        }

        // Widths by hand: ClosedXML's AdjustToContents measures text with System.Drawing, which Linux servers lack.
        for (var c = 0; c < headers.Count; c++)
        {
            sheet.Column(c + 1).Width = headers[c] == texts.ColText || headers[c] == texts.ColQuestion || headers[c] == texts.ColAnswer ? 80 : Math.Max(12, Math.Min(40, headers[c].Length + 4));
        }

        sheet.SheetView.FreezeRows(headerRow);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string text:
                // Typed as text so a leading "=", "+", "-" or "@" is never read as a formula.
                cell.DataType = XLDataType.Text;
                cell.SetValue(text);
                cell.DataType = XLDataType.Text;
                break;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue)).Style.DateFormat.SetFormat("dd/mm/yyyy");
                break;
            case DateTime time:
                cell.SetValue(time).Style.DateFormat.SetFormat("dd/mm/yyyy hh:mm");
                break;
            case int number:
                cell.SetValue(number);
                break;
            case double number:
                cell.SetValue(number);
                break;
            default:
                cell.SetValue(value.ToString());
                break;
        }
    }

    private static DateTime LocalDateTime(DateTimeOffset instant) => instant.ToOffset(WorkingDayCalendar.VietnamOffset).DateTime;

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}

namespace ZaloBot.Web.Feedback;

/// <summary>How a category is handled: as a ticket, by pointing to its legal procedure, or as an emergency.</summary>
public enum CategoryRoute
{
    /// <summary>Feedback on administrative regulations and local problems: becomes a ticket.</summary>
    Ticket = 0,

    /// <summary>Complaints (khiếu nại) and denunciations (tố cáo) follow their own legal procedure.</summary>
    LegalRoute = 1,

    /// <summary>Emergencies: the citizen is told to call 113/114/115.</summary>
    Emergency = 2,
}

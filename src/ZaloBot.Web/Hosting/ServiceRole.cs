namespace ZaloBot.Web.Hosting;

/// <summary>Which half of the service this process runs, so web and workers can scale separately.</summary>
public enum ServiceRole
{
    /// <summary>Both HTTP endpoints and background workers (the default; fine for one machine).</summary>
    All = 0,

    /// <summary>HTTP only: webhook, console, APIs.</summary>
    Web = 1,

    /// <summary>Background processing only: event consumers, outbox delivery, token refresh.</summary>
    Worker = 2,
}

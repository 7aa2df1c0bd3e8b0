namespace ZaloBot.Web.Console;

/// <summary>Authorization policies of the console screens (roles in <see cref="Staff.StaffRoles"/>).</summary>
public static class ConsolePolicies
{
    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = "console.staff";

    /// <summary>The queue and tickets: Admin, Office, Unit (Unit users see only their unit's tickets).</summary>
    public const string Tickets = "console.tickets";

    /// <summary>Live chat handoffs: the office (and admins).</summary>
    public const string Office = "console.office";

    /// <summary>Reports: Admin, Office, Supervisor.</summary>
    public const string Reports = "console.reports";

    /// <summary>Settings and users: Admin only.</summary>
    public const string Admin = "console.admin";
}

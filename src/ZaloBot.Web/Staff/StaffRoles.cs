namespace ZaloBot.Web.Staff;

/// <summary>The console's roles.</summary>
public static class StaffRoles
{
    /// <summary>Edits settings, FAQ, users.</summary>
    public const string Admin = "Admin";

    /// <summary>The HĐND-UBND office: sees and routes every ticket.</summary>
    public const string Office = "Office";

    /// <summary>A department or ward: sees only tickets assigned to its unit.</summary>
    public const string Unit = "Unit";

    /// <summary>Read-only reports (e.g. the Fatherland Front's oversight role).</summary>
    public const string Supervisor = "Supervisor";

    public static readonly IReadOnlyList<string> All = [Admin, Office, Unit, Supervisor];
}

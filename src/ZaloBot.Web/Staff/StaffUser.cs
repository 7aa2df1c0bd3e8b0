using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using ZaloBot.Web.Organisation;

namespace ZaloBot.Web.Staff;

/// <summary>A staff member of the office, a department or a ward (ASP.NET Core Identity user).</summary>
public sealed class StaffUser : IdentityUser
{
    [MaxLength(200)]
    public string DisplayName { get; set; } = "";

    /// <summary>The unit whose tickets a user in the Unit role may see.</summary>
    public int? UnitId { get; set; }

    public OrgUnit? Unit { get; set; }

    public bool IsActive { get; set; } = true;
}

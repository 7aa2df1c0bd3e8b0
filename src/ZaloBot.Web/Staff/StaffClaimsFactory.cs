using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ZaloBot.Web.Staff;

/// <summary>Puts the staff member's unit and display name in the cookie so that scoping a query needs no extra lookup.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffActor.NameClaim, user.DisplayName));
        if (user.UnitId is { } unit)
        {
            identity.AddClaim(new Claim(StaffActor.UnitClaim, unit.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}

using Microsoft.AspNetCore.Identity;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Staff;

public static class StaffConfiguration
{
    /// <summary>
    /// ASP.NET Core Identity for staff: strong passwords, lockout after repeated failures, secure cookies. Authorization
    /// (roles to policies) is the console's (<c>AddConsole</c>): the command host uses identity without any endpoint.
    /// </summary>
    public static IHostApplicationBuilder AddStaff(this IHostApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Five wrong passwords lock the account for 15 minutes: slows guessing, rarely hurts a real user.
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<ZaloBotDbContext>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "zalobot.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurity(builder.Environment);
            cookie.LoginPath = "/console/sign-in";
            cookie.AccessDeniedPath = "/console/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        return builder;
    }

    /// <summary>Cookies only over HTTPS in production; plain HTTP is allowed for local development and the in-process tests.</summary>
    public static CookieSecurePolicy CookieSecurity(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
}

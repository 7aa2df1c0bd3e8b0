using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Console.SignIn;
using Microsoft.Extensions.WebEncoders;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.Reports;
using ZaloBot.Web.Staff;

namespace ZaloBot.Web.Console;

public static class ConsoleConfiguration
{
    /// <summary>The staff console: Razor Pages under Console/ (one folder per screen), role policies, texts from content/console.vi.yaml.</summary>
    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => ConsoleTexts.Load(sp.GetRequiredService<IOptions<ServiceOptions>>().Value.ContentDirectory));
        builder.Services.AddContentCheck<ConsoleTexts>();
        builder.Services.AddScoped<IUserClaimsPrincipalFactory<StaffUser>, StaffClaimsFactory>();
        // A changed role or unit (or a disabled account) reaches the cookie within a minute instead of the default 30.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicies.Staff, p => p.RequireRole(StaffRoles.All))
            .AddPolicy(ConsolePolicies.Tickets, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Office, StaffRoles.Unit))
            .AddPolicy(ConsolePolicies.Office, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Office))
            .AddPolicy(ConsolePolicies.Reports, p => p.RequireRole(StaffRoles.Admin, StaffRoles.Office, StaffRoles.Supervisor))
            .AddPolicy(ConsolePolicies.Admin, p => p.RequireRole(StaffRoles.Admin));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "zalobot.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = StaffConfiguration.CookieSecurity(builder.Environment);
        });
        // Vietnamese text is written as is in the HTML rather than as &#x...; entities.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Dates typed as dd/MM/yyyy whatever the browser's locale (see DateInputBinder).
        builder.Services.Configure<MvcOptions>(o => o.ModelBinderProviders.Insert(0, new DateInputBinderProvider()));
        builder.Services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Console";
            o.Conventions.AuthorizeFolder("/", ConsolePolicies.Staff);
            o.Conventions.AuthorizeFolder("/Tickets", ConsolePolicies.Tickets);
            o.Conventions.AuthorizeFolder("/Ticket", ConsolePolicies.Tickets);
            o.Conventions.AuthorizeFolder("/Handoffs", ConsolePolicies.Office);
            // The CCHC section and business dialogue: the office, and departments/wards for their own unit's items.
            o.Conventions.AuthorizeFolder("/Cchc", ConsolePolicies.Tickets);
            o.Conventions.AddPageRoute("/Cchc/Edit", "/console/cchc/new");
            o.Conventions.AuthorizeFolder("/Dialogue", ConsolePolicies.Tickets);
            o.Conventions.AllowAnonymousToPage("/PublicPost/Index");
            o.Conventions.AuthorizeFolder("/Reports", ConsolePolicies.Reports);
            o.Conventions.AuthorizeFolder("/Settings", ConsolePolicies.Admin);
            o.Conventions.AuthorizeFolder("/Users", ConsolePolicies.Admin);
            o.Conventions.AuthorizeFolder("/Privacy", ConsolePolicies.Admin);
            o.Conventions.AuthorizeFolder("/Oa", ConsolePolicies.Admin);
            // Zalo's redirect back is a cross-site navigation: the SameSite=Strict staff cookie is not sent with it.
            // The callback is authorised by the consent cookie an Admin got on /console/oa (see OaConsentCookie).
            o.Conventions.AllowAnonymousToPage("/Oa/Callback");
            o.Conventions.AllowAnonymousToPage("/Landing/Index");
            o.Conventions.AllowAnonymousToPage("/SignIn/Index");
            o.Conventions.AllowAnonymousToPage("/Denied/Index");
            o.Conventions.AllowAnonymousToPage("/PageNotFound/Index");
            o.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(ConsoleInputFilter)));
        });
        builder.Services.AddScoped<ConsoleInputFilter>();
        builder.Services.AddRouting(o => o.LowercaseUrls = true);

        builder.Services.AddOptions<SignInLimitOptions>().BindConfiguration(SignInLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SignInLimiter>();
        return builder;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            // The public CCHC post pages (/cchc/{id}) show staff-written content too: the same policy.
            if (context.Request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/cchc", StringComparison.OrdinalIgnoreCase))
            {
                // X-Frame-Options, nosniff and the referrer policy come from Hosting/EdgeConfiguration for every response.
                var headers = context.Response.Headers;
                var images = context.RequestServices.GetRequiredService<IOptions<ZaloBot.Web.Cchc.CchcOptions>>().Value.ImageSources;
                headers.ContentSecurityPolicy = CspNonce.Policy(context, images);
                headers.CacheControl = "no-store";
            }

            await next();
        });
        app.MapConsoleAssets();
        // Pages answer 404 for tickets out of the user's scope, 422 for input PostgreSQL refused, 429 for too many
        // sign-ins; show a Vietnamese page (status kept) instead of an empty body.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/console", StringComparison.OrdinalIgnoreCase)
                && !context.Request.Path.StartsWithSegments("/console/api", StringComparison.OrdinalIgnoreCase)
                && !context.Request.Path.StartsWithSegments("/console/attachments", StringComparison.OrdinalIgnoreCase),
            branch => branch.UseStatusCodePagesWithReExecute("/console/not-found/{0}"));
        // Explicit, after the status pages, so a re-executed request is routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapGet("/console", () => Results.Redirect("/console/tickets")).ExcludeFromDescription();
        app.MapConsoleEndpoints();
        return app;
    }
}

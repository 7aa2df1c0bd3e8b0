using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Console.SignIn;

/// <summary>
/// Sign-in and sign-out. Failed attempts count towards lockout (5 tries, 15 minutes) and are rate-limited per client
/// address and per account, shared by every web pod (<see cref="SignInLimiter"/>, Redis); both are audited, an unknown e-mail without
/// the text that was typed (it is the attacker's, not a person's).
/// </summary>
public sealed class IndexModel(SignInManager<StaffUser> signIn, SignInLimiter limiter, ZaloBotDbContext db, ConsoleTexts texts, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Email { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string email, string password, CancellationToken cancellationToken)
    {
        Email = email;
        if (!await limiter.TryAcquireAsync(HttpContext.Connection.RemoteIpAddress, email))
        {
            Error = texts.SignInTooMany;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = string.IsNullOrWhiteSpace(email) || email.Length > 256 ? null : await signIn.UserManager.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            Audit(null, "—", "sign-in-failed", "unknown e-mail");
            await db.SaveChangesAsync(cancellationToken);
            Error = texts.SignInFailed;
            return Page();
        }

        if (!user.IsActive)
        {
            Audit(user.Id, user.DisplayName, "sign-in-failed", "inactive user");
            await db.SaveChangesAsync(cancellationToken);
            Error = texts.SignInFailed;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Audit(user.Id, user.DisplayName, "sign-in", null);
            await db.SaveChangesAsync(cancellationToken);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/console/tickets");
        }

        Audit(user.Id, user.DisplayName, "sign-in-failed", result.IsLockedOut ? "locked out" : "wrong password");
        await db.SaveChangesAsync(cancellationToken);
        Error = result.IsLockedOut
            ? texts.SignInLockedOut
            : texts.SignInFailed;
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var actor = StaffActor.From(User);
            Audit(actor.UserId, actor.Name, "sign-out", null);
            await db.SaveChangesAsync(cancellationToken);
        }

        await signIn.SignOutAsync();
        return RedirectToPage();
    }

    private void Audit(string? userId, string name, string action, string? detail) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(), ActorUserId = userId, ActorName = name.Length > 200 ? name[..200] : name, Action = action, Detail = detail,
        });
}

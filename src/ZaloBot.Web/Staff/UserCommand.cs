using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ZaloBot.Web.Storage;

namespace ZaloBot.Web.Staff;

/// <summary>
/// <c>user add --email E --name "N" --role Admin|Office|Unit|Supervisor [--unit CODE]</c>.
/// The password is read from ZALOBOT_USER_PASSWORD or standard input, never from the command line
/// (it would end up in shell history and process lists).
/// </summary>
public static class UserCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextReader input, TextWriter output)
    {
        if (args.Count == 0 || args[0] != "add")
        {
            await output.WriteLineAsync("usage: user add --email E --name N --role Admin|Office|Unit|Supervisor [--unit CODE]");
            return 2;
        }

        var options = ParseOptions(args.Skip(1).ToList());
        if (!options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var role) || !StaffRoles.All.Contains(role))
        {
            await output.WriteLineAsync("user add: --email and --role (Admin, Office, Unit or Supervisor) are required");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("ZALOBOT_USER_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("Password (at least 10 characters with a digit), then Enter:");
            password = (await input.ReadLineAsync())?.Trim();
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ZaloBotDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var name in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }

        int? unitId = null;
        if (options.TryGetValue("unit", out var unitCode))
        {
            unitId = await db.OrgUnits.Where(u => u.Code == unitCode).Select(u => (int?)u.Id).SingleOrDefaultAsync();
            if (unitId is null)
            {
                await output.WriteLineAsync($"user add: no unit with code '{unitCode}'");
                return 2;
            }
        }
        else if (role == StaffRoles.Unit)
        {
            await output.WriteLineAsync("user add: a Unit user needs --unit CODE");
            return 2;
        }

        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = options.GetValueOrDefault("name", email),
            UnitId = unitId,
        };
        var created = await users.CreateAsync(user, password ?? "");
        if (!created.Succeeded)
        {
            await output.WriteLineAsync("user add failed: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        await users.AddToRoleAsync(user, role);
        await output.WriteLineAsync($"User {email} created with role {role}.");
        return 0;
    }

    private static Dictionary<string, string> ParseOptions(List<string> args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                result[args[i][2..]] = args[i + 1];
            }
        }

        return result;
    }
}

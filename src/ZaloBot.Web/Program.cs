using ZaloBot.Web.Faq;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.OaConnection;
using ZaloBot.Web.Staff;

// One executable, several commands: serve (default), migrate, seed, user add, eval, faq export|import, oa link|connect|status. Deploys need no script.
var command = args.Length > 0 ? args[0] : "serve";
var commandArgs = args.Skip(1).ToArray();

if (command == "serve")
{
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
    return await Commands.ServeAsync(ZaloBotHost.Build(builder));
}

// The other commands run once on the small command host: no web server, no workers.
using var host = CommandHost.Build([]);
return command switch
{
    "migrate" => await Commands.MigrateAsync(host.Services),
    "seed" => await Commands.SeedAsync(host.Services),
    "user" => await UserCommand.RunAsync(host.Services, commandArgs, Console.In, Console.Out),
    "eval" => await FaqCommands.EvalAsync(host.Services, commandArgs, Console.Out),
    "faq" => await FaqCommands.FaqAsync(host.Services, commandArgs, Console.Out),
    "oa" => await OaCommand.RunAsync(host.Services, commandArgs, Console.In, Console.Out),
    "organisation" => await ZaloBot.Web.Organisation.OrganisationCommand.RunAsync(host.Services, commandArgs, Console.Out),
    _ => Commands.Usage(command),
};

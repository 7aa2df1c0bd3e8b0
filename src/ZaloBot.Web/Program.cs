using ZaloBot.Web.Faq;
using ZaloBot.Web.Hosting;
using ZaloBot.Web.OaConnection;
using ZaloBot.Web.Staff;

// One executable, several commands: serve (default), migrate, seed, user add, eval, faq export|import, oa link|connect|status. Deploys need no script.
var command = args.Length > 0 ? args[0] : "serve";
var commandArgs = args.Skip(1).ToArray();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
var app = ZaloBotHost.Build(builder);

return command switch
{
    "serve" => await Commands.ServeAsync(app),
    "migrate" => await Commands.MigrateAsync(app),
    "seed" => await Commands.SeedAsync(app),
    "user" => await UserCommand.RunAsync(app.Services, commandArgs, Console.In, Console.Out),
    "eval" => await FaqCommands.EvalAsync(app.Services, commandArgs, Console.Out),
    "faq" => await FaqCommands.FaqAsync(app.Services, commandArgs, Console.Out),
    "oa" => await OaCommand.RunAsync(app.Services, commandArgs, Console.In, Console.Out),
    "organisation" => await ZaloBot.Web.Organisation.OrganisationCommand.RunAsync(app.Services, commandArgs, Console.Out),
    _ => Commands.Usage(command),
};

using ZaloBot.Web.Hosting;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;

// One executable, several commands: serve (default), migrate, seed, user add. Deploys need no script.
var command = args.Length > 0 ? args[0] : "serve";
var commandArgs = args.Skip(1).ToArray();

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
var service = builder.AddServiceOptions();
builder.AddObservability();
builder.AddStorage();
builder.AddRedis();
builder.AddStaff();
builder.AddHealth(service);

var app = builder.Build();
app.MapHealth();

return command switch
{
    "serve" => await Commands.ServeAsync(app),
    "migrate" => await Commands.MigrateAsync(app),
    "seed" => await Commands.SeedAsync(app),
    "user" => await UserCommand.RunAsync(app.Services, commandArgs, Console.In, Console.Out),
    _ => Commands.Usage(command),
};

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;

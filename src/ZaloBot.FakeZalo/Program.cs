using ZaloBot.Zalo.Fake;

// dotnet ZaloBot.FakeZalo.dll --urls http://127.0.0.1:PORT
// Settings: Zalo:Fake:* (app id, app secret, OA id and name, token lifetime; see appsettings.sample.json), e.g.
// Zalo__Fake__AppSecret=... in the environment. The API and the consent page are served under /fake-zalo/, the
// control endpoints under /fake-zalo/_control/ (see FakeZaloApiEndpoints).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddFakeZaloApi(options => builder.Configuration.GetSection(FakeZaloOptions.SectionName).Bind(options));
var app = builder.Build();
app.MapFakeZaloApi("/fake-zalo");
app.MapGet("/", () => Results.Text("fake Zalo OpenAPI: /fake-zalo/"));
await app.RunAsync();

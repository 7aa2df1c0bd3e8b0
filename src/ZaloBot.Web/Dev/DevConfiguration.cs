using ZaloBot.Zalo.Fake;

namespace ZaloBot.Web.Dev;

/// <summary>
/// The local Zalo simulator, Development only: the library's fake OpenAPI mapped at <c>/fake-zalo</c> (point
/// <c>Zalo:Api:*BaseUrl</c> at it), a token pair issued by the fake at start-up, and the chat page <c>/dev/chat</c>.
/// Nothing here is registered or mapped in any other environment.
/// </summary>
public static class DevConfiguration
{
    public const string FakeZaloPrefix = "/fake-zalo";

    public static IHostApplicationBuilder AddDevSimulator(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return builder;
        }

        builder.Services.AddFakeZaloApi(options => builder.Configuration.GetSection(FakeZaloOptions.SectionName).Bind(options));
        builder.Services.AddHostedService<DevTokenSeeder>();
        builder.Services.AddHttpClient(DevChatEndpoints.HttpClientName);
        return builder;
    }

    public static WebApplication MapDevSimulator(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapFakeZaloApi(FakeZaloPrefix);
        app.MapDevChat();
        return app;
    }
}

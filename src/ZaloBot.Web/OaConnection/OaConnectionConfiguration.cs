namespace ZaloBot.Web.OaConnection;

public static class OaConnectionConfiguration
{
    /// <summary>
    /// Connecting the OA (first token pair): the connector used by the console's "Kết nối Zalo OA" screen
    /// (Console/Oa) and by the headless <c>oa</c> command, and the consent cookie.
    /// </summary>
    public static IHostApplicationBuilder AddOaConnection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<OaConnector>();
        builder.Services.AddSingleton<OaConsentCookie>();
        return builder;
    }
}

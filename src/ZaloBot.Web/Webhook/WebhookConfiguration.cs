namespace ZaloBot.Web.Webhook;

public static class WebhookConfiguration
{
    /// <summary>The ingest endpoint's options (section "Webhook") the durable ingest and the start-up warm-up.</summary>
    public static IHostApplicationBuilder AddWebhook(this IHostApplicationBuilder builder)
    {
        var tokensOaId = builder.Configuration["Zalo:Tokens:OaId"];
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrEmpty(tokensOaId) || o.OaId == tokensOaId,
                "Webhook:OaId must equal Zalo:Tokens:OaId: events are accepted for one OA and replies sent with its token.")
            .ValidateOnStart();
        builder.Services.AddSingleton<WebhookIngest>();
        builder.Services.AddHostedService<WebhookWarmup>();
        return builder;
    }
}

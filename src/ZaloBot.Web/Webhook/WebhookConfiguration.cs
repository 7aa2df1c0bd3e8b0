namespace ZaloBot.Web.Webhook;

public static class WebhookConfiguration
{
    /// <summary>The ingest endpoint's options (section "Webhook") and the durable ingest.</summary>
    public static IHostApplicationBuilder AddWebhook(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WebhookIngest>();
        return builder;
    }
}

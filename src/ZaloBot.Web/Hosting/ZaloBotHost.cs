using ZaloBot.Web.BusinessDialogue;
using ZaloBot.Web.Cchc;
using ZaloBot.Web.Console;
using ZaloBot.Web.Conversations;
using ZaloBot.Web.Dev;
using ZaloBot.Web.Faq;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Inbound;
using ZaloBot.Web.Media;
using ZaloBot.Web.Notifications;
using ZaloBot.Web.OaConnection;
using ZaloBot.Web.Organisation;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Privacy;
using ZaloBot.Web.Reports;
using ZaloBot.Web.Webhook;
using ZaloBot.Web.Staff;
using ZaloBot.Web.Storage;
using ZaloBot.Web.ZaloTokens;

namespace ZaloBot.Web.Hosting;

/// <summary>The composition root: what the service is made of, in one place. Program.cs and the tests both use it.</summary>
public static class ZaloBotHost
{
    /// <param name="configure">Last changes before the app is built (tests add fakes of logging, never of PostgreSQL or Redis).</param>
    public static WebApplication Build(WebApplicationBuilder builder, Action<WebApplicationBuilder>? configure = null)
    {
        var service = builder.AddServiceOptions();
        builder.AddObservability();
        builder.AddEdge();
        builder.AddStorage();
        builder.AddKeyRing();
        builder.AddRedis();
        builder.AddStaff();
        builder.AddConsole();
        builder.AddReports();
        builder.AddCchc();
        builder.AddBusinessDialogue();
        builder.AddOrganisation();
        builder.AddHealth(service);
        builder.AddFaq();
        builder.AddFeedback();
        builder.AddConversations();
        builder.AddWebhook();
        builder.AddZaloTokens();
        builder.AddMedia();
        builder.AddInbound(service);
        builder.AddOutbox(service);
        builder.AddNotifications(service);
        builder.AddOaConnection();
        builder.AddPrivacy(service);
        builder.AddDevSimulator();

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseEdge();
        app.MapHealth();
        if (service.RunsWeb)
        {
            app.MapWebhook();
            app.MapFaqApi();
            app.MapDeadLetters();
            // Routing, authentication and authorization middleware are set up here, after the console status pages.
            app.MapConsole();
            app.MapDevSimulator();
        }

        return app;
    }
}

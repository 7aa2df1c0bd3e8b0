using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>Routes every HttpClient of a service host to an in-process handler.</summary>
public static class InProcessHttp
{
    /// <summary>
    /// After every client's own configuration (post-configure), so it also replaces a primary handler a client sets
    /// for itself — the media client's address-guarded sockets, which cannot reach an in-process test server.
    /// </summary>
    public static void RouteAllClients(IServiceCollection services, Func<HttpMessageHandler> handler) =>
        services.PostConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = handler()));
}

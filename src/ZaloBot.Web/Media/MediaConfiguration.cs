using System.Net;

namespace ZaloBot.Web.Media;

public static class MediaConfiguration
{
    /// <summary>
    /// Section "Media" and the fetcher. Its HTTP client connects only through <see cref="MediaAddressGuard"/>, follows
    /// no redirect by itself (the fetcher checks each hop) and sends no cookies or credentials.
    /// </summary>
    public static IHostApplicationBuilder AddMedia(this IHostApplicationBuilder builder)
    {
        // The binder adds configured array items to a default array instead of replacing it, so the default is applied here.
        builder.Services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section)
            .PostConfigure(o => o.AllowedHosts = o.AllowedHosts.Length == 0 ? [.. MediaOptions.ZaloCdnHosts] : o.AllowedHosts)
            .ValidateDataAnnotations()
            .Validate(o => o.AllowedHosts.All(h => h.Length > 0 && !h.Contains('/', StringComparison.Ordinal) && (h.IndexOf('*', StringComparison.Ordinal) is -1 or 0)),
                "Media:AllowedHosts are host names or *.suffix patterns")
            .ValidateOnStart();
        builder.Services.AddSingleton<MediaFetcher>();
        var allowPrivate = builder.Configuration.GetValue<bool>($"{MediaOptions.Section}:{nameof(MediaOptions.AllowPrivateAddresses)}");
        builder.Services.AddHttpClient(MediaFetcher.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => CreateHandler(allowPrivate));
        return builder;
    }

    /// <summary>The media client's handler: connections only through the address guard, no redirects, cookies or proxy.</summary>
    public static SocketsHttpHandler CreateHandler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        Credentials = null,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        // 5 s to connect: Zalo's CDN answers in well under 1 s from Vietnam; a black-holed address must not eat the 15 s budget.
        ConnectTimeout = TimeSpan.FromSeconds(5),
        ConnectCallback = (context, ct) => MediaAddressGuard.ConnectAsync(context, allowPrivate, ct),
    };
}

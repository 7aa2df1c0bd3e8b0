using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ZaloBot.Web.Hosting;

public static class ContentCheckConfiguration
{
    /// <summary>Loads the singleton <typeparamref name="TTexts"/> (a content file) at start-up; see <see cref="ContentCheck"/>.</summary>
    public static IServiceCollection AddContentCheck<TTexts>(this IServiceCollection services) where TTexts : class
    {
        services.AddSingleton(new ContentCheckEntry(typeof(TTexts)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ContentCheck>());
        return services;
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ZaloBot.Web.Hosting;

public static class ServiceConfiguration
{
    /// <summary>Reads and validates the "Service" section now: the role decides what else gets registered.</summary>
    public static ServiceOptions AddServiceOptions(this IHostApplicationBuilder builder)
    {
        ServiceOptions options;
        try
        {
            options = builder.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
        }
        catch (InvalidOperationException ex)
        {
            throw new OptionsValidationException(ServiceOptions.Section, typeof(ServiceOptions),
                [$"{ServiceOptions.Section}: {ex.Message} Allowed roles: all, web, worker."]);
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(ServiceOptions.Section, typeof(ServiceOptions),
                results.Select(r => $"{ServiceOptions.Section}: {r.ErrorMessage}"));
        }

        builder.Services.AddSingleton(Options.Create(options));
        // TryAdd: tests register a FakeTimeProvider first.
        builder.Services.TryAddSingleton(TimeProvider.System);
        return options;
    }
}

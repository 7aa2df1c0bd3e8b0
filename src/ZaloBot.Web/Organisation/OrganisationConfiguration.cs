namespace ZaloBot.Web.Organisation;

public static class OrganisationConfiguration
{
    /// <summary>The organisation pack setting ("Organisation") and the migration of a running database to the 2025 pack.</summary>
    public static IHostApplicationBuilder AddOrganisation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrganisationOptions>().BindConfiguration(OrganisationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<OrganisationMigrator>();
        return builder;
    }
}

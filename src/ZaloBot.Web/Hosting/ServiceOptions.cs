using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.Hosting;

/// <summary>Section "Service": the process role and where seed content lives.</summary>
public sealed class ServiceOptions
{
    public const string Section = "Service";

    /// <summary>web, worker or all (default).</summary>
    [EnumDataType(typeof(ServiceRole))]
    public ServiceRole Role { get; set; } = ServiceRole.All;

    /// <summary>Folder of the seed content (FAQ, organisation, bot texts). Default: "content" beside the binary.</summary>
    [Required]
    public string ContentDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "content");

    public bool RunsWeb => Role is ServiceRole.All or ServiceRole.Web;

    public bool RunsWorkers => Role is ServiceRole.All or ServiceRole.Worker;
}

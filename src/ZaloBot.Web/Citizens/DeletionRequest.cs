namespace ZaloBot.Web.Citizens;

/// <summary>A citizen asked for their data to be deleted; staff handle it (tickets may have to be kept by law).</summary>
public sealed class DeletionRequest
{
    public long Id { get; set; }

    public long CitizenId { get; set; }

    public Citizen? Citizen { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public string? HandledByUserId { get; set; }
}

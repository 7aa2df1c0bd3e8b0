using System.ComponentModel.DataAnnotations;

namespace ZaloBot.Web.BusinessDialogue;

/// <summary>
/// A dialogue between the authorities and businesses / household businesses (plan III.1 and IV.1: quarterly, to hear and
/// remove their difficulties): when and where, the topics, until when businesses may register and send questions.
/// </summary>
public sealed class DialogueSession
{
    public long Id { get; set; }

    [MaxLength(200)]
    public required string Title { get; set; }

    public DateTimeOffset StartsAt { get; set; }

    [MaxLength(300)]
    public string? Place { get; set; }

    /// <summary>An https link for an online session.</summary>
    [MaxLength(500)]
    public string? OnlineUrl { get; set; }

    /// <summary>Topics, one per line.</summary>
    [MaxLength(2000)]
    public required string Topics { get; set; }

    /// <summary>Last day (local, inclusive) to register and send questions in chat.</summary>
    public DateOnly RegistrationDeadline { get; set; }

    /// <summary>The CCHC post the Q&amp;A was published as, once it was.</summary>
    public long? QaPostId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    [Timestamp]
    public uint Version { get; set; }
}

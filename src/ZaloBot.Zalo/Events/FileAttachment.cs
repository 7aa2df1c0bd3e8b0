namespace ZaloBot.Zalo.Events;

/// <summary><c>file</c>: <see cref="Size"/> is bytes as a string; <see cref="FileType"/> the extension (payload <c>type</c>).</summary>
public sealed record FileAttachment : ZaloAttachment
{
    public string? Url { get; init; }

    public string? Name { get; init; }

    public string? Size { get; init; }

    public string? FileType { get; init; }

    public string? Checksum { get; init; }
}

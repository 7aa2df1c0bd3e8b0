namespace ZaloBot.Dialogs.Ports;

/// <summary>Read-only view of the CCHC section for the chat (published posts only); the web app implements it over PostgreSQL.</summary>
public interface ICchcBoard
{
    /// <summary>Published posts, newest publication first, skipping <paramref name="skip"/>; at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<CchcPostView>> LatestAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>Whether the citizen has an active subscription ("đăng ký nhận tin").</summary>
    Task<bool> IsSubscribedAsync(string zaloUserId, CancellationToken cancellationToken);

    /// <summary>
    /// For an active subscriber: posts published since they subscribed that they were never told of (neither pushed nor
    /// shown on a visit), newest first, at most <paramref name="max"/>. Empty for anyone else.
    /// </summary>
    Task<IReadOnlyList<CchcPostView>> UnseenAsync(string zaloUserId, int max, CancellationToken cancellationToken);
}

namespace ZaloBot.Dialogs.Ports;

/// <summary>The published FAQ (the web app serves it from the database or a cache).</summary>
public interface IFaqCatalog
{
    /// <summary>The published entry for <paramref name="slug"/>, or null when unknown or unpublished.</summary>
    Task<FaqAnswer?> FindAsync(string slug, CancellationToken cancellationToken);
}

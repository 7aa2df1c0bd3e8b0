using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ZaloBot.Web.Feedback;
using ZaloBot.Web.Storage;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Inbound;

/// <summary>
/// Downloads a message's media into <see cref="Attachment"/> as soon as the event is processed: Zalo CDN links
/// expire. Capped at <see cref="InboundOptions.MediaMaxBytes"/>; an oversize or failed download is logged and
/// skipped (the event still goes on). Re-runs reuse the row with the same user and source URL.
/// </summary>
public sealed class MediaDownloader(
    IHttpClientFactory httpClientFactory,
    IOptions<InboundOptions> options,
    TimeProvider time,
    ILogger<MediaDownloader> logger)
{
    public const string HttpClientName = "zalo-media";

    public async Task<IReadOnlyList<Guid>> DownloadAsync(ZaloBotDbContext db, string userId, IReadOnlyList<ZaloAttachment> attachments, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        foreach (var attachment in attachments)
        {
            var (url, name) = attachment switch
            {
                ImageAttachment a => (a.Url, "image"),
                GifAttachment a => (a.Url, "image.gif"),
                FileAttachment a => (a.Url, a.Name),
                AudioAttachment a => (a.Url, "audio"),
                VideoAttachment a => (a.Url, "video"),
                _ => (null, null),
            };
            if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                continue;
            }

            var existing = await db.Attachments.Where(a => a.ZaloUserId == userId && a.SourceUrl == url).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                ids.Add(id);
                continue;
            }

            var stored = await FetchAsync(uri, cancellationToken);
            if (stored is null)
            {
                continue;
            }

            var row = new Attachment
            {
                Id = Guid.NewGuid(),
                ZaloUserId = userId,
                ContentType = stored.Value.ContentType,
                FileName = name,
                SizeBytes = stored.Value.Bytes.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(stored.Value.Bytes)),
                Content = stored.Value.Bytes,
                SourceUrl = url.Length <= 2000 ? url : url[..2000],
                CreatedAt = time.GetUtcNow(),
            };
            db.Attachments.Add(row);
            ids.Add(row.Id);
        }

        return ids;
    }

    private async Task<(byte[] Bytes, string ContentType)?> FetchAsync(Uri uri, CancellationToken cancellationToken)
    {
        var max = options.Value.MediaMaxBytes;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(options.Value.MediaTimeout);
        try
        {
            using var response = await httpClientFactory.CreateClient(HttpClientName).GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Media download failed with HTTP {Status} from {Host}", (int)response.StatusCode, uri.Host);
                return null;
            }

            if (response.Content.Headers.ContentLength > max)
            {
                logger.LogWarning("Media of {Length} bytes exceeds the {Max}-byte cap; not stored", response.Content.Headers.ContentLength, max);
                return null;
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cts.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cts.Token)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    logger.LogWarning("Media exceeds the {Max}-byte cap; not stored", max);
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }

            var type = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            return (buffer.ToArray(), type.Length <= 100 ? type : "application/octet-stream");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Media download from {Host} failed: {Error}", uri.Host, ex.GetType().Name);
            return null;
        }
    }
}

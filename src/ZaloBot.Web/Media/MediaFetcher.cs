using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using ZaloBot.Web.Storage;
using ZaloBot.Zalo.Events;

namespace ZaloBot.Web.Media;

/// <summary>
/// Downloads a message's media into <see cref="Feedback.Attachment"/> as soon as the event is processed (Zalo CDN
/// links expire). Every URL passes the host allow-list, every connection the address guard, every redirect both
/// again; the body streams to a temporary file (never all in memory) with its size capped, its type sniffed from
/// the first bytes and its SHA-256 computed on the way, then streams into PostgreSQL. The same bytes from the same
/// citizen are stored once. Any failure of the download itself (refused, HTTP error, reset, truncated, slow) skips
/// that file: the message is still handled. Failures of PostgreSQL are not caught here: they are outages.
/// </summary>
public sealed class MediaFetcher(
    IHttpClientFactory httpClientFactory,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<MediaFetcher> logger)
{
    public const string HttpClientName = "zalo-media";

    private readonly MediaOptions _options = options.Value;

    public async Task<MediaFetchResult> FetchAsync(ZaloBotDbContext db, string userId, IReadOnlyList<ZaloAttachment> attachments, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        var skipped = 0;
        var fetched = 0;
        int? storedToday = null;
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
            if (url is null)
            {
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !_options.IsAllowedHost(uri.IdnHost))
            {
                logger.LogWarning("Media URL refused: {Reason}", "not an http(s) URL on an allowed host");
                skipped++;
                continue;
            }

            var sourceUrl = url.Length <= 2000 ? url : url[..2000];
            var existing = await db.Attachments.Where(a => a.ZaloUserId == userId && a.SourceUrl == sourceUrl).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } known)
            {
                // A re-run of the same event (or the same link sent again): already stored.
                ids.Add(known);
                continue;
            }

            storedToday ??= await db.Attachments.CountAsync(a => a.ZaloUserId == userId && a.CreatedAt > time.GetUtcNow().AddDays(-1), cancellationToken);
            if (fetched >= _options.MaxPerEvent || storedToday >= _options.MaxPerCitizenPerDay)
            {
                logger.LogWarning("Media skipped: cap of {PerEvent} per event / {PerDay} per citizen a day reached", _options.MaxPerEvent, _options.MaxPerCitizenPerDay);
                skipped++;
                continue;
            }

            fetched++;
            await using var file = await DownloadAsync(uri, cancellationToken);
            if (file is null)
            {
                skipped++;
                continue;
            }

            var same = await db.Attachments.Where(a => a.ZaloUserId == userId && a.Sha256 == file.Sha256).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
            if (same is { } duplicate)
            {
                ids.Add(duplicate);
                continue;
            }

            var id = Guid.NewGuid();
            await InsertAsync(db, id, userId, name, sourceUrl, file, cancellationToken);
            storedToday++;
            ids.Add(id);
        }

        return new MediaFetchResult(ids, skipped);
    }

    /// <summary>The downloaded file in a temporary file, or null (logged) when the download failed or was refused.</summary>
    private async Task<DownloadedFile?> DownloadAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        DownloadedFile? file = null;
        try
        {
            var client = httpClientFactory.CreateClient(HttpClientName);
            for (var hop = 0; ; hop++)
            {
                using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if (IsRedirect(response.StatusCode))
                {
                    var next = response.Headers.Location is { } location ? new Uri(uri, location) : null;
                    if (hop >= _options.MaxRedirects || next is null || next.Scheme is not ("http" or "https") || !_options.IsAllowedHost(next.IdnHost))
                    {
                        throw new MediaRefusedException("redirect off the allowed hosts or too many redirects");
                    }

                    uri = next;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new MediaRefusedException($"HTTP {(int)response.StatusCode}");
                }

                if (response.Content.Headers.ContentLength > _options.MaxBytes)
                {
                    throw new MediaRefusedException("larger than Media:MaxBytes");
                }

                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                file = await DownloadedFile.CopyAsync(body, _options.MaxBytes, timeout.Token);
                return file;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is MediaRefusedException or HttpRequestException or IOException
                                       or OperationCanceledException or InvalidDataException or UriFormatException)
        {
            // Anything the remote side did (refusal, reset, truncation, slowness) costs this file only; a SocketException
            // from here must not look like a database outage to the inbound worker.
            logger.LogWarning("Media from {Host} skipped: {Error} {Reason}", uri.IdnHost, ex.GetType().Name, ex is MediaRefusedException ? ex.Message : "");
            if (file is not null)
            {
                await file.DisposeAsync();
            }

            return null;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private async Task InsertAsync(ZaloBotDbContext db, Guid id, string userId, string? name, string sourceUrl, DownloadedFile file, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            file.Content.Position = 0;
            await using var command = new NpgsqlCommand("""
                INSERT INTO attachments (id, zalo_user_id, content_type, file_name, size_bytes, sha256, content, source_url, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            command.Parameters.Add(new NpgsqlParameter { Value = userId });
            command.Parameters.Add(new NpgsqlParameter { Value = file.ContentType });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)(name is { Length: > 260 } ? name[..260] : name) ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter { Value = file.Length });
            command.Parameters.Add(new NpgsqlParameter { Value = file.Sha256 });
            // Streamed from the temporary file into the bytea column: the file is never held in memory whole.
            command.Parameters.Add(new NpgsqlParameter { Value = file.Content, NpgsqlDbType = NpgsqlDbType.Bytea, Size = checked((int)file.Length) });
            command.Parameters.Add(new NpgsqlParameter { Value = sourceUrl });
            command.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

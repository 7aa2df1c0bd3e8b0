using System.Security.Cryptography;

namespace ZaloBot.Web.Media;

/// <summary>
/// A download in a temporary file (deleted on dispose), with what was learnt while it streamed in: its length, its
/// SHA-256 and its type sniffed from the first bytes.
/// </summary>
public sealed class DownloadedFile : IAsyncDisposable
{
    private DownloadedFile(FileStream content, long length, string sha256, string contentType)
    {
        Content = content;
        Length = length;
        Sha256 = sha256;
        ContentType = contentType;
    }

    public FileStream Content { get; }

    public long Length { get; }

    public string Sha256 { get; }

    public string ContentType { get; }

    /// <summary>
    /// Copies <paramref name="body"/> in 80 KiB chunks. Throws <see cref="MediaRefusedException"/> as soon as it passes
    /// <paramref name="maxBytes"/> or when its first bytes are not a known media type (before the rest is read).
    /// </summary>
    public static async Task<DownloadedFile> CopyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            var head = new byte[MediaSniffer.HeaderBytes];
            var headLength = 0;
            string? type = null;
            long length = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                length += read;
                if (length > maxBytes)
                {
                    throw new MediaRefusedException("larger than Media:MaxBytes");
                }

                if (type is null)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                    headLength += take;
                    if (headLength == head.Length)
                    {
                        type = MediaSniffer.Sniff(head) ?? throw new MediaRefusedException("not a photo, audio, video or document");
                    }
                }

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            type ??= MediaSniffer.Sniff(head.AsSpan(0, headLength)) ?? throw new MediaRefusedException("not a photo, audio, video or document");
            await file.FlushAsync(cancellationToken);
            return new DownloadedFile(file, length, Convert.ToHexStringLower(hash.GetHashAndReset()), type);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}

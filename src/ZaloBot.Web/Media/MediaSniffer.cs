namespace ZaloBot.Web.Media;

/// <summary>
/// The type of a file from its first bytes. What the bytes are decides what is stored and how the console serves
/// it, never the Content-Type the remote server claims: an HTML page labelled image/jpeg is refused.
/// </summary>
public static class MediaSniffer
{
    /// <summary>Bytes needed to recognise every type below.</summary>
    public const int HeaderBytes = 16;

    /// <summary>The recognised type, or null for anything else (refused).</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return "image/gif";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        if (head.StartsWith("%PDF-"u8)) return "application/pdf";
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            // ISO base media: HEIC photos from iPhones, MP4 video, M4A audio.
            var brand = head[8..12];
            return brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) ? "image/heic"
                : brand.SequenceEqual("M4A "u8) ? "audio/mp4"
                : "video/mp4";
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0)) return "audio/mpeg";
        if (head.StartsWith("#!AMR"u8)) return "audio/amr";
        // Office documents: OOXML is a ZIP, the older formats an OLE compound file.
        if (head.StartsWith("PK\x03\x04"u8)) return "application/zip";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return "application/x-ole-storage";
        return null;
    }
}

using System.Buffers.Binary;
using System.IO.Compression;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>
/// Reads the pixels of a PNG screenshot (8-bit RGB or RGBA, non-interlaced: what Chromium writes), so a test can tell an
/// empty canvas from a drawn chart by counting pixels of a colour.
/// </summary>
public sealed class PngPixels
{
    private readonly byte[] _rgba;

    private PngPixels(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2]);
        }
    }

    /// <summary>Pixels within <paramref name="tolerance"/> (per channel) of the colour "#rrggbb".</summary>
    public int Count(string hex, int tolerance = 24)
    {
        var r = Convert.ToByte(hex.Substring(1, 2), 16);
        var g = Convert.ToByte(hex.Substring(3, 2), 16);
        var b = Convert.ToByte(hex.Substring(5, 2), 16);
        var count = 0;
        for (var i = 0; i < _rgba.Length; i += 4)
        {
            if (Math.Abs(_rgba[i] - r) <= tolerance && Math.Abs(_rgba[i + 1] - g) <= tolerance && Math.Abs(_rgba[i + 2] - b) <= tolerance)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Pixels that are not (near) white.</summary>
    public int CountNonWhite()
    {
        var count = 0;
        for (var i = 0; i < _rgba.Length; i += 4)
        {
            if (_rgba[i] < 235 || _rgba[i + 1] < 235 || _rgba[i + 2] < 235)
            {
                count++;
            }
        }

        return count;
    }

    public static PngPixels Decode(byte[] png)
    {
        var width = 0;
        var height = 0;
        var colourType = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.That(data[8], Is.EqualTo(8), "8-bit PNG expected");
                colourType = data[9];
                Assert.That(data[12], Is.Zero, "non-interlaced PNG expected");
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            offset += 12 + length;
        }

        var channels = colourType switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {colourType}") };
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        var raw = inflated.ToArray();
        var stride = width * channels;
        var current = new byte[stride];
        var previous = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            Array.Copy(raw, (y * (stride + 1)) + 1, current, 0, stride);
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? current[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(current[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG filter {filter}"),
                });
            }

            for (var x = 0; x < width; x++)
            {
                var o = ((y * width) + x) * 4;
                rgba[o] = current[x * channels];
                rgba[o + 1] = current[(x * channels) + 1];
                rgba[o + 2] = current[(x * channels) + 2];
                rgba[o + 3] = channels == 4 ? current[(x * channels) + 3] : (byte)255;
            }

            (previous, current) = (current, previous);
        }

        return new PngPixels(width, height, rgba);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

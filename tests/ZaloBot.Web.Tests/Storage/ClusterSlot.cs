using System.Text;

namespace ZaloBot.Web.Tests.Storage;

/// <summary>
/// Redis Cluster's key slot: CRC16-XMODEM of the key (or of its first non-empty <c>{hash tag}</c>) mod 16384, as in
/// the cluster specification. StackExchange.Redis computes it only when connected to a cluster.
/// </summary>
public static class ClusterSlot
{
    public static int Of(string key)
    {
        var open = key.IndexOf('{', StringComparison.Ordinal);
        if (open >= 0)
        {
            var close = key.IndexOf('}', open + 1);
            if (close > open + 1)
            {
                key = key[(open + 1)..close];
            }
        }

        ushort crc = 0;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            crc ^= (ushort)(b << 8);
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc % 16384;
    }
}

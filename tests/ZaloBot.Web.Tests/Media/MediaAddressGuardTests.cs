using System.Net;
using ZaloBot.Web.Media;

namespace ZaloBot.Web.Tests.Media;

public sealed class MediaAddressGuardTests
{
    [TestCase("127.0.0.1")]
    [TestCase("127.10.0.1")]
    [TestCase("10.0.0.5")]
    [TestCase("172.16.0.1")]
    [TestCase("172.31.255.255")]
    [TestCase("192.168.1.1")]
    [TestCase("169.254.169.254")]
    [TestCase("100.64.0.1")]
    [TestCase("0.0.0.0")]
    [TestCase("255.255.255.255")]
    [TestCase("224.0.0.1")]
    [TestCase("::1")]
    [TestCase("::")]
    [TestCase("fe80::1")]
    [TestCase("fd00::1")]
    [TestCase("::ffff:127.0.0.1")]
    [TestCase("::ffff:169.254.169.254")]
    public void IsPublic_InternalAddress_False(string address) =>
        Assert.That(MediaAddressGuard.IsPublic(IPAddress.Parse(address)), Is.False);

    [TestCase("203.113.132.10")]
    [TestCase("8.8.8.8")]
    [TestCase("172.32.0.1")]
    [TestCase("2405:4800::1")]
    public void IsPublic_PublicAddress_True(string address) =>
        Assert.That(MediaAddressGuard.IsPublic(IPAddress.Parse(address)), Is.True);

    [TestCase("s120.zdn.vn", true)]
    [TestCase("photo-stal-2.zdn.vn", true)]
    [TestCase("ZDN.VN", false)]
    [TestCase("zdn.vn.evil.test", false)]
    [TestCase("evilzdn.vn", false)]
    [TestCase("cdn.test", true)]
    [TestCase("sub.cdn.test", false)]
    public void IsAllowedHost_PatternsAndExactNames(string host, bool allowed) =>
        Assert.That(new MediaOptions { AllowedHosts = ["*.zdn.vn", "cdn.test"] }.IsAllowedHost(host), Is.EqualTo(allowed));

    [TestCase(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [TestCase(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [TestCase(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D }, "application/pdf")]
    [TestCase(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, null)]
    [TestCase(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)]
    [TestCase(new byte[] { 0, 0, 0, 0 }, null)]
    public void Sniff_DecidesByBytes(byte[] head, string? expected) =>
        Assert.That(MediaSniffer.Sniff(head), Is.EqualTo(expected));
}

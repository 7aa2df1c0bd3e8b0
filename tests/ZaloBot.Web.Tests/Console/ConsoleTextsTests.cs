using System.Text.RegularExpressions;
using ZaloBot.Web.Console;
using ZaloBot.Web.Outbox;
using ZaloBot.Web.Tests.Infrastructure;

namespace ZaloBot.Web.Tests.Console;

/// <summary>content/console.vi.yaml: every key present (start-up would fail otherwise), none unused, and the texts filled as staff read them.</summary>
public sealed class ConsoleTextsTests
{
    private static readonly ConsoleTexts Texts = ConsoleTexts.Load(Path.Combine(AppContext.BaseDirectory, "content"));

    [Test]
    public void Load_ShippedFile_HasEveryKeyAndEveryDeliveryState() =>
        Assert.That(Enum.GetValues<OutboundState>().Select(Texts.DeliveryLabel), Has.All.Not.Empty);

    [Test]
    public void Parse_MissingKey_FailsNamingIt()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", ConsoleTexts.FileName));
        var ex = Assert.Throws<InvalidDataException>(() => ConsoleTexts.Parse(Regex.Replace(yaml, "^handoff_taken:.*$", "", RegexOptions.Multiline)));
        Assert.That(ex!.Message, Does.Contain("handoff_taken"));
    }

    [Test]
    public void Parse_UnknownKey_Fails()
    {
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", ConsoleTexts.FileName));
        Assert.Throws<InvalidDataException>(() => ConsoleTexts.Parse(yaml + "\nhandoff_takn: x\n"));
    }

    [Test]
    public void EveryText_IsUsedByTheWebProject()
    {
        var sources = Directory.EnumerateFiles(DeployFiles.PathOf("src", "ZaloBot.Web"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            // The declarations themselves do not count as a use (ConsoleTexts.Duration uses its own four texts).
            .Select(f => Regex.Replace(File.ReadAllText(f), @"public string \w+ \{ get; set; \}", ""))
            .ToList();
        var unused = typeof(ConsoleTexts).GetProperties()
            .Where(p => p.PropertyType == typeof(string))
            .Where(p => !sources.Any(s => Regex.IsMatch(s, $@"\b{p.Name}\b")))
            .Select(p => p.Name)
            .ToList();
        Assert.That(unused, Is.Empty, "keys of console.vi.yaml that no page uses any more: remove them");
    }

    [TestCase(0, "0 phút")]
    [TestCase(12, "12 phút")]
    [TestCase(5 * 60 + 10, "5 giờ 10 phút")]
    [TestCase(2 * 24 * 60 + 3 * 60 + 59, "2 ngày 3 giờ")]
    public void Duration_Minutes_ReadsAsStaffWriteIt(int minutes, string expected) =>
        Assert.That(Texts.Duration(TimeSpan.FromMinutes(minutes)), Is.EqualTo(expected));
}

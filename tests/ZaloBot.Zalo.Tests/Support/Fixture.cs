namespace ZaloBot.Zalo.Tests.Support;

/// <summary>Reads recorded webhook payloads from <c>Fixtures/</c> as raw bytes.</summary>
public static class Fixture
{
    public static byte[] Bytes(string name) =>
        File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name + ".json"));

    public static IEnumerable<string> All() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.json")
            .Select(f => Path.GetFileNameWithoutExtension(f)!)
            .Order(StringComparer.Ordinal);
}

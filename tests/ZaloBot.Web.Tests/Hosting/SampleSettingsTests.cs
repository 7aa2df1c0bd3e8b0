using Microsoft.Extensions.Configuration;

namespace ZaloBot.Web.Tests.Hosting;

public sealed class SampleSettingsTests
{
    [Test]
    public void Sample_EverySettableOptionProperty_IsDocumented()
    {
        var sample = new ConfigurationBuilder().AddJsonFile(SamplePath(), optional: false).Build();

        var missing = OptionsCatalog.Sections
            .SelectMany(s => OptionsCatalog.Settable(s.Options).Select(p => $"{s.Section}:{p.Name}"))
            .Where(key => !sample.AsEnumerable().Any(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.That(missing, Is.Empty, "settings missing from appsettings.sample.json");
    }

    internal static string SamplePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "appsettings.sample.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("appsettings.sample.json not found above the test binaries");
    }
}

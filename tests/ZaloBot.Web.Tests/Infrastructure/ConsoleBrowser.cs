using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ZaloBot.Web.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright against a <see cref="ConsoleWorld"/> on Kestrel. Playwright's own
/// browser download cannot work here, so it launches the system executable (ZALOBOT_CHROMIUM or /usr/bin/chromium).
/// Screenshots (PNG) go to the test's work directory, and to ZALOBOT_SCREENSHOTS (e.g. docs/screenshots) when set.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(ConsoleWorld world, IPlaywright playwright, IBrowser browser)
    {
        World = world;
        _playwright = playwright;
        _browser = browser;
    }

    public ConsoleWorld World { get; }

    public static async Task<ConsoleBrowser> StartAsync(
        TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var world = await ConsoleWorld.CreateAsync(time, settings, configureServices);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("ZALOBOT_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ChromiumArgs,
            Headless = true,
        });
        return new ConsoleBrowser(world, playwright, browser);
    }

    /// <param name="locale">The browser's locale; the console must show the same dates under any (e.g. "en-US").</param>
    public async Task<IPage> NewPageAsync(string locale = "vi-VN")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = World.BaseAddress.ToString().TrimEnd('/'),
            Locale = locale,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1280, Height = 860 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public static async Task SignInAsync(IPage page, string email)
    {
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(ConsoleWorld.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.Locator("header.top")).ToBeVisibleAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png, FullPage = true });
        await File.WriteAllBytesAsync(Path.Combine(TestContext.CurrentContext.WorkDirectory, name + ".png"), bytes);
        if (Environment.GetEnvironmentVariable("ZALOBOT_SCREENSHOTS") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            await File.WriteAllBytesAsync(Path.Combine(directory, name + ".png"), bytes);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await World.DisposeAsync();
    }
}

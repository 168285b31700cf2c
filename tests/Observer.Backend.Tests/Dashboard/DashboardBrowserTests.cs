using Microsoft.Playwright;
using Observer.Backend.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Dashboard;

/// <summary>Drives the dashboard in headless Chromium (Debian's /usr/bin/chromium) against a real backend.</summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const float WaitMs = 30_000;
    private readonly List<string> _consoleErrors = [];
    private RunningBackend _backend = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), "install Chromium: apt-get install -y chromium chromium-driver");
        _backend = await RunningBackend.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _backend.DisposeAsync();
    }

    [Fact]
    public async Task SignalsPostedWhilePageIsOpen_AppearLiveAndTaskDetailShowsTimeline()
    {
        var now = DateTimeOffset.UtcNow;
        var history = DashboardScenario.History(now);
        (await _backend.Client.PostAsync("/api/v1/signals", Signals.Batch([.. history]))).EnsureSuccessStatusCode();
        var page = await OpenDashboardAsync();
        await Assertions.Expect(page.Locator("#live-status")).ToHaveTextAsync("live", new() { Timeout = WaitMs });
        await Assertions.Expect(page.Locator("#feed tbody tr")).ToHaveCountAsync(history.Count, new() { Timeout = WaitMs });

        var (calls, task) = DashboardScenario.VoiceTask(now);
        (await _backend.Client.PostAsync("/api/v1/signals", Signals.Batch([.. calls, task]))).EnsureSuccessStatusCode();

        foreach (var call in calls)
        {
            await Assertions.Expect(page.Locator($"#feed tbody tr[data-id='{call.Id}']")).ToBeVisibleAsync(new() { Timeout = WaitMs });
        }

        await Assertions.Expect(page.Locator("#feed tbody tr")).ToHaveCountAsync(history.Count + calls.Count, new() { Timeout = WaitMs });
        await Assertions.Expect(page.Locator("#providers tbody")).ToContainTextAsync("elevenlabs", new() { Timeout = WaitMs });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Root(), "docs", "dashboard.png"), FullPage = true });

        await page.Locator($"#feed tbody tr[data-id='{calls[0].Id}'] a").ClickAsync();
        await Assertions.Expect(page.Locator("#task-title")).ToContainTextAsync(task.Id, new() { Timeout = WaitMs });
        await Assertions.Expect(page.Locator("#task-title")).ToContainTextAsync("voice_conversation");
        await Assertions.Expect(page.Locator("#task-calls tbody tr")).ToHaveCountAsync(calls.Count, new() { Timeout = WaitMs });
        await Assertions.Expect(page.Locator("#task-timeline svg rect[rx]")).ToHaveCountAsync(calls.Count);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Root(), "docs", "dashboard-task.png") });

        await page.Locator("nav a[data-view='errors']").ClickAsync();
        await Assertions.Expect(page.Locator("#errors tbody")).ToContainTextAsync("rate_limit_exceeded", new() { Timeout = WaitMs });

        Assert.Empty(_consoleErrors);
    }

    private async Task<IPage> OpenDashboardAsync()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add(error);
        await page.GotoAsync(_backend.BaseAddress.ToString());
        return page;
    }
}

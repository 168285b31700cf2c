using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observer.Actors.Persistence;
using Observer.Actors.Recording;
using Observer.Actors.Shipping;
using Observer.Actors.Tests.Shipping;
using Observer.Actors.Tests.Support;
using Observer.Contracts.Metrics;

namespace Observer.Actors.Tests.Recording;

/// <summary>
/// An actor system with session recording on a real SQLite journal in a temporary folder, and a way to wait for a
/// session's index row: the common ground of the recording specs.
/// </summary>
public abstract class SqliteRecordingSpec : Akka.Hosting.TestKit.TestKit, IDisposable
{
    private readonly TempDir _dir = new();

    protected SqliteRecordingSpec(string systemName, ITestOutputHelper output)
        : base(systemName, output, logLevel: LogLevel.Warning)
    {
    }

    protected ObserverMetrics Metrics { get; } = new();

    protected JournalOptions Journal => new() { DataDir = _dir.Path };

    protected SessionStore Store => new(new JournalDatabase(Journal));

    /// <summary>The recording options of the system under test.</summary>
    protected virtual RecordingOptions Options => new();

    public void Dispose()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void ConfigureServices(HostBuilderContext context, IServiceCollection services) => services.AddObserverShipping();

    protected override void ConfigureAkka(AkkaConfigurationBuilder builder, IServiceProvider provider) =>
        builder.AddObserverJournal(Journal).AddSessionRecording(Options, Journal, Metrics);

    protected async Task<SessionSummary> WaitForRowAsync(string sessionId, Func<SessionSummary, bool> condition)
    {
        SessionSummary? found = null;
        await AwaitAssertAsync(async () =>
        {
            found = (await Store.ListAsync(new SessionFilter(), CancellationToken.None)).SingleOrDefault(r => r.SessionId == sessionId);
            Assert.True(found is not null && condition(found), $"index row of {sessionId}: {found}");
        }, TimeSpan.FromSeconds(30));
        return found!;
    }
}

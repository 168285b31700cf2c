using Observer.Actors.Persistence;
using Observer.Actors.Tests.Persistence;

namespace Observer.Actors.Tests.Shipping;

/// <summary>
/// <c>kill -9</c> of a real process in the middle of delivery, then a restart on the same journal: every accepted id
/// arrives at least once, and the only duplicates are ids the backend had already been sent before the kill.
/// </summary>
public sealed class KillNineTests : IDisposable
{
    private const int Signals = 20_000;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(180);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(JournalOptions.Sqlite)]
    [InlineData(JournalOptions.Postgres)]
    public async Task KillNineMidDelivery_RestartDeliversEveryIdWithDuplicatesOnlyOfSentIds(string kind)
    {
        var journal = await TestJournals.CreateAsync(kind, _dir.Path);
        await using var backend = await TestBackend.StartAsync();
        backend.Status = () => 503;
        var idsFile = Path.Combine(_dir.Path, "ids.txt");

        HashSet<string> sentBeforeKill;
        using (var first = HarnessProcess.Start(journal, backend.Url, Signals, idsFile))
        {
            await Eventually.TrueAsync(() => first.Printed("ACCEPTED") || first.HasExited, Generous, () => "harness did not accept: " + first.Errors);
            Assert.Contains($"ACCEPTED {Signals}", first.Lines);

            // Only now does the backend accept, slowly, so the kill lands in the middle of delivery.
            backend.Delay = TimeSpan.FromMilliseconds(100);
            backend.Status = () => 200;
            await Eventually.TrueAsync(() => backend.Deliveries.Count >= 1_000, Generous, () => $"{backend.Deliveries.Count} delivered before kill");
            await first.KillNineAsync();
            await Eventually.TrueAsync(() => backend.InProgress == 0, Generous, () => "requests still in progress");
            sentBeforeKill = [.. backend.Seen];
        }

        Assert.InRange(backend.Deliveries.Count, 1_000, Signals - 1);
        backend.Delay = TimeSpan.Zero;
        var ids = await File.ReadAllLinesAsync(idsFile, TestContext.Current.CancellationToken);
        Assert.Equal(Signals, ids.Length);

        using var second = HarnessProcess.Start(journal, backend.Url, 0, idsFile);
        await Eventually.TrueAsync(() => ids.All(backend.Deliveries.ContainsKey), Generous,
            () => $"{ids.Count(backend.Deliveries.ContainsKey)} of {Signals} delivered after restart; {second.Errors}");

        var duplicates = backend.Deliveries.Where(d => d.Value > 1).Select(d => d.Key).ToList();
        Assert.All(duplicates, id => Assert.Contains(id, sentBeforeKill));
        Assert.Equal(ids.Order(), backend.Deliveries.Keys.Order());
    }
}

using Observer.Actors.Persistence;

namespace Observer.Actors.Tests.Persistence;

public sealed class JournalHealthTests
{
    [Fact]
    public void WriteFailure_StaysUntilAWriteSucceeds()
    {
        var health = new JournalHealth();
        health.ReportFailure("journal write failed: read-only", onWrite: true);

        health.ReportReadable();
        Assert.False(health.IsWritable);
        Assert.Equal("journal write failed: read-only", health.LastError);
        Assert.NotNull(health.LastErrorAt);

        health.ReportWritable();
        Assert.True(health.IsWritable);
    }

    [Fact]
    public void ConnectionFailure_ClearedByASuccessfulRead()
    {
        var health = new JournalHealth();
        health.ReportFailure("journal unavailable: connection refused", onWrite: false);

        health.ReportReadable();

        Assert.True(health.IsWritable);
    }
}

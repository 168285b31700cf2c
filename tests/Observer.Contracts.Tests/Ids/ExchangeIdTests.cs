using Observer.Contracts.Ids;

namespace Observer.Contracts.Tests.Ids;

public sealed class ExchangeIdTests
{
    [Fact]
    public void NewId_IsAVersion7UuidCarryingItsMillisecond()
    {
        var at = new DateTimeOffset(2026, 12, 4, 19, 30, 15, 123, TimeSpan.Zero);

        var id = Guid.Parse(ExchangeId.New(at));

        Assert.Equal(7, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
        var bytes = id.ToByteArray(bigEndian: true);
        var milliseconds = 0L;
        for (var i = 0; i < 6; i++)
        {
            milliseconds = (milliseconds << 8) | bytes[i];
        }

        Assert.Equal(at.ToUnixTimeMilliseconds(), milliseconds);
    }

    [Fact]
    public void ManyIdsInOneMillisecond_AreDistinctAndOrderAcrossMilliseconds()
    {
        var at = DateTimeOffset.UtcNow;

        var ids = Enumerable.Range(0, 100_000).Select(_ => ExchangeId.New(at)).ToHashSet();
        var later = ExchangeId.New(at.AddMilliseconds(1));

        Assert.Equal(100_000, ids.Count);
        Assert.All(ids, id => Assert.True(string.CompareOrdinal(id[..13], later[..13]) < 0));
    }
}

using Observer.Backend.Query;

namespace Observer.Backend.Tests.Query;

public sealed class PercentileTests
{
    [Theory]
    [InlineData(new double[] { 42 }, 0.5, 42)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 0.5, 2.5)]
    [InlineData(new double[] { 4, 1, 3, 2 }, 0.95, 3.85)]
    [InlineData(new double[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 }, 0.95, 95.5)]
    [InlineData(new double[] { 5, 5, 5 }, 0.95, 5)]
    public void Values_InterpolateBetweenClosestRanks(double[] values, double q, double expected)
    {
        Assert.Equal(expected, Percentile.Of(values, q)!.Value, 9);
    }

    [Fact]
    public void NoValues_ReturnsNull()
    {
        Assert.Null(Percentile.Of([], 0.5));
    }
}

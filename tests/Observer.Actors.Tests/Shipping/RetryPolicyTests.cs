using Observer.Actors.Shipping;

namespace Observer.Actors.Tests.Shipping;

public sealed class RetryPolicyTests
{
    private readonly RetryPolicy _policy = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(60));

    [Theory]
    [InlineData(1, 250, 500)]
    [InlineData(2, 500, 1000)]
    [InlineData(4, 2000, 4000)]
    [InlineData(20, 30000, 60000)]
    public void Backoff_DoublesWithJitterUpToCap(int attempts, double minMs, double maxMs)
    {
        Assert.Equal(minMs, _policy.NextDelay(attempts, null, 0).TotalMilliseconds);
        Assert.Equal(maxMs, _policy.NextDelay(attempts, null, 1).TotalMilliseconds);
    }

    [Fact]
    public void RetryAfter_WinsOverBackoffAndCap()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), _policy.NextDelay(1, TimeSpan.FromSeconds(90), 0.5));
        Assert.Equal(TimeSpan.Zero, _policy.NextDelay(1, TimeSpan.FromSeconds(-3), 0.5));
        Assert.Equal(RetryPolicy.MaxRetryAfter, _policy.NextDelay(1, TimeSpan.FromDays(2), 0.5));
    }

    [Theory]
    [InlineData(200, DeliveryOutcome.Delivered)]
    [InlineData(204, DeliveryOutcome.Delivered)]
    [InlineData(408, DeliveryOutcome.Retry)]
    [InlineData(429, DeliveryOutcome.Retry)]
    [InlineData(500, DeliveryOutcome.Retry)]
    [InlineData(503, DeliveryOutcome.Retry)]
    [InlineData(400, DeliveryOutcome.Rejected)]
    [InlineData(401, DeliveryOutcome.Rejected)]
    [InlineData(413, DeliveryOutcome.Rejected)]
    [InlineData(302, DeliveryOutcome.Retry)]
    public void Status_ClassifiedAsSignalsContractSays(int status, DeliveryOutcome expected) =>
        Assert.Equal(expected, DeliveryResult.Classify(status));
}

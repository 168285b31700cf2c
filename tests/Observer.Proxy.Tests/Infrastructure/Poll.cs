namespace Observer.Proxy.Tests.Infrastructure;

/// <summary>Polls a condition with a generous deadline (the machine is shared and loaded).</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met before the deadline");
            }

            await Task.Delay(20);
        }
    }
}

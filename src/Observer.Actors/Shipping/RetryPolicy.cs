namespace Observer.Actors.Shipping;

/// <summary>
/// Delay before retrying a batch: exponential from <c>InitialBackoff</c>, capped at <c>MaxBackoff</c>, with "equal
/// jitter" (half fixed, half random) so that many observers recovering at once do not retry in step. A server's
/// <c>Retry-After</c> wins over the computed delay (bounded at one hour against absurd values).
/// </summary>
public sealed class RetryPolicy
{
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;

    public RetryPolicy(TimeSpan initial, TimeSpan max)
    {
        _initial = initial;
        _max = max;
    }

    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    public TimeSpan NextDelay(int attempts, TimeSpan? retryAfter, double random01)
    {
        if (retryAfter is { } after)
        {
            return after < TimeSpan.Zero ? TimeSpan.Zero : after > MaxRetryAfter ? MaxRetryAfter : after;
        }

        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(_initial.TotalMilliseconds * Math.Pow(2, exponent), _max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((ceiling / 2) + (ceiling / 2 * Math.Clamp(random01, 0, 1)));
    }
}

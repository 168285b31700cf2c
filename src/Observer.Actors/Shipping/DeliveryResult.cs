namespace Observer.Actors.Shipping;

/// <summary>What one POST of a batch came to (SIGNALS.md, delivery).</summary>
public enum DeliveryOutcome
{
    /// <summary>2xx: every signal of the batch is delivered.</summary>
    Delivered,

    /// <summary>408, 429, 5xx, other non-4xx answers, timeouts, connection errors: try again later.</summary>
    Retry,

    /// <summary>Any other 4xx: the batch is rejected and goes to the dead-letter store.</summary>
    Rejected,
}

/// <summary>The outcome of a POST, the HTTP status (0 when none arrived), the server's <c>Retry-After</c>, and why.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, int Status, TimeSpan? RetryAfter, string Detail)
{
    /// <summary>Classifies an HTTP status code.</summary>
    public static DeliveryOutcome Classify(int status) => status switch
    {
        >= 200 and < 300 => DeliveryOutcome.Delivered,
        408 or 429 => DeliveryOutcome.Retry,
        >= 400 and < 500 => DeliveryOutcome.Rejected,
        _ => DeliveryOutcome.Retry,
    };
}

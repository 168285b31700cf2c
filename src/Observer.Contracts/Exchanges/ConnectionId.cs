namespace Observer.Contracts.Exchanges;

/// <summary>Identifies one client connection accepted by the proxy; it becomes the signal's <c>session_id</c>.</summary>
public readonly record struct ConnectionId(string Value)
{
    public static ConnectionId New() => new(Guid.CreateVersion7().ToString());

    public override string ToString() => Value;
}

namespace Observer.Contracts.Ids;

/// <summary>Creates signal ids: UUIDv7 strings, time-ordered so a backend's index stays append-mostly.</summary>
public static class SignalId
{
    public static string New() => Guid.CreateVersion7().ToString();

    public static string New(DateTimeOffset at) => Guid.CreateVersion7(at).ToString();
}

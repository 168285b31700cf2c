namespace Observer.Actors.Recording;

/// <summary>Filters of <c>sessions list</c>; null means any.</summary>
/// <param name="Agent">An agent id the session carried.</param>
/// <param name="Provider">A provider slug detected in the session.</param>
/// <param name="Since">Sessions active at or after this time.</param>
/// <param name="Until">Sessions started before this time.</param>
/// <param name="Status"><c>open</c>, <c>closed</c> or <c>errors</c> (had a failed exchange).</param>
/// <param name="Limit">At most this many rows, newest first.</param>
public sealed record SessionFilter(string? Agent = null, string? Provider = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, string? Status = null, int Limit = 1000)
{
    public static readonly IReadOnlyList<string> Statuses = ["open", "closed", "errors"];
}

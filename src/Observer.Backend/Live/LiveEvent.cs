namespace Observer.Backend.Live;

/// <summary>One newly stored signal pushed to dashboards: its kind (the SSE event name) and its JSON.</summary>
public sealed record LiveEvent(string Kind, string Json);

namespace Observer.Proxy.Connect;

/// <summary>
/// A host pattern from <c>--intercept</c>/<c>--passthrough</c>: an exact host, or <c>*.suffix</c> matching any host
/// that ends with <c>.suffix</c> on a label boundary. Case-insensitive; a trailing dot is ignored.
/// </summary>
internal sealed class HostPattern
{
    private readonly string _exact;
    private readonly string? _suffix;

    private HostPattern(string exact, string? suffix)
    {
        _exact = exact;
        _suffix = suffix;
    }

    public static HostPattern Parse(string pattern)
    {
        var p = pattern.Trim().TrimEnd('.').ToLowerInvariant();
        if (p.Length == 0 || p == "*" || p.Contains("*", StringComparison.Ordinal) && (!p.StartsWith("*.", StringComparison.Ordinal) || p.Length < 3 || p.IndexOf('*', 1) >= 0))
        {
            throw new ArgumentException($"host pattern '{pattern}' must be an exact host or '*.suffix'");
        }

        return p.StartsWith("*.", StringComparison.Ordinal) ? new HostPattern(p[2..], p[1..]) : new HostPattern(p, null);
    }

    public bool Matches(string host)
    {
        var h = host.AsSpan().TrimEnd('.');
        if (_suffix is null)
        {
            return h.Equals(_exact, StringComparison.OrdinalIgnoreCase);
        }

        // "*.example.com" matches "a.example.com" and "a.b.example.com", not "example.com" nor "badexample.com".
        return h.Length > _suffix.Length && h.EndsWith(_suffix, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => _suffix is null ? _exact : "*" + _suffix;
}

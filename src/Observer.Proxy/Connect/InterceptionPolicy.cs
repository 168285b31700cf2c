namespace Observer.Proxy.Connect;

/// <summary>Decides per CONNECT host whether the tunnel is decrypted (intercepted) or copied blind.</summary>
internal sealed class InterceptionPolicy
{
    private readonly HostPattern[] _intercept;
    private readonly HostPattern[] _passthrough;
    private readonly bool _interceptAll;
    private readonly Func<string, int, bool> _isCatalogHost;

    public InterceptionPolicy(IEnumerable<string> intercept, IEnumerable<string> passthrough, bool interceptAll, Func<string, int, bool> isCatalogHost)
    {
        _intercept = intercept.Select(HostPattern.Parse).ToArray();
        _passthrough = passthrough.Select(HostPattern.Parse).ToArray();
        _interceptAll = interceptAll;
        _isCatalogHost = isCatalogHost;
    }

    /// <summary>Passthrough wins over everything; then intercept-all, explicit intercept patterns, the catalog.</summary>
    public bool ShouldIntercept(string host, int port)
    {
        foreach (var p in _passthrough)
        {
            if (p.Matches(host))
            {
                return false;
            }
        }

        if (_interceptAll)
        {
            return true;
        }

        foreach (var p in _intercept)
        {
            if (p.Matches(host))
            {
                return true;
            }
        }

        try
        {
            return _isCatalogHost(host, port);
        }
        catch (Exception)
        {
            // Fail open: a broken catalog look-up must not break the application's traffic; tunnel blind.
            return false;
        }
    }
}

using Microsoft.AspNetCore.Http.Features;

namespace Observer.Proxy.Observation;

/// <summary>HTTP/1.1 Upgrade feature whose upgraded stream is observed frame by frame.</summary>
internal sealed class ObservedUpgradeFeature : IHttpUpgradeFeature
{
    private readonly IHttpUpgradeFeature _inner;
    private readonly WebSocketSession _session;

    public ObservedUpgradeFeature(IHttpUpgradeFeature inner, WebSocketSession session)
    {
        _inner = inner;
        _session = session;
    }

    public bool IsUpgradableRequest => _inner.IsUpgradableRequest;

    public async Task<Stream> UpgradeAsync()
    {
        var stream = await _inner.UpgradeAsync().ConfigureAwait(false);
        _session.Upgraded = true;
        return new WebSocketTapStream(stream, _session);
    }
}

/// <summary>HTTP/2 extended CONNECT (RFC 8441) feature whose accepted stream is observed frame by frame.</summary>
internal sealed class ObservedExtendedConnectFeature : IHttpExtendedConnectFeature
{
    private readonly IHttpExtendedConnectFeature _inner;
    private readonly WebSocketSession _session;

    public ObservedExtendedConnectFeature(IHttpExtendedConnectFeature inner, WebSocketSession session)
    {
        _inner = inner;
        _session = session;
    }

    public bool IsExtendedConnect => _inner.IsExtendedConnect;

    public string? Protocol => _inner.Protocol;

    public async ValueTask<Stream> AcceptAsync()
    {
        var stream = await _inner.AcceptAsync().ConfigureAwait(false);
        _session.Upgraded = true;
        return new WebSocketTapStream(stream, _session);
    }
}

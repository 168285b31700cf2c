using System.Security.Authentication;
using Observer.Contracts.Signals;
using Yarp.ReverseProxy.Forwarder;

namespace Observer.Proxy.Forwarding;

/// <summary>What a YARP forwarding failure means for the client and for the exchange record.</summary>
/// <param name="Type">Error type for the record (<see cref="ProxyErrorTypes"/>).</param>
/// <param name="Status">Status to answer with when the response has not started; 0 for none (client gone).</param>
/// <param name="Reason">Short plain-text reason.</param>
/// <param name="UpstreamResponded">Whether an upstream status line was received.</param>
internal sealed record ForwardingFailure(string Type, int Status, string Reason, bool UpstreamResponded)
{
    public static ForwardingFailure Map(ForwarderError error, Exception? exception, bool clientAborted, string target, TimeSpan idleTimeout)
    {
        if (clientAborted)
        {
            return new(ProxyErrorTypes.ClientAborted, 0, "the client disconnected", error is not (ForwarderError.Request or ForwarderError.RequestCanceled or ForwarderError.RequestTimedOut));
        }

        var detail = Innermost(exception);
        return error switch
        {
            ForwarderError.Request when Find<AuthenticationException>(exception) is { } tls =>
                new(ProxyErrorTypes.UpstreamTlsError, 502, $"upstream TLS failed for {target}: {tls.Message}", false),
            ForwarderError.Request =>
                new(ProxyErrorTypes.UpstreamUnreachable, 502, $"cannot reach upstream {target}: {detail}", false),
            ForwarderError.RequestTimedOut =>
                new(ProxyErrorTypes.UpstreamTimeout, 504, $"upstream {target} did not respond within {idleTimeout.TotalSeconds:0.#} s", false),
            ForwarderError.UpgradeActivityTimeout =>
                new(ProxyErrorTypes.UpstreamTimeout, 0, $"upgraded connection to {target} idle for {idleTimeout.TotalSeconds:0.#} s", true),
            ForwarderError.ResponseHeaders =>
                new(ProxyErrorTypes.UpstreamUnreachable, 502, $"invalid response headers from {target}: {detail}", false),
            ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
                or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient
                or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient
                or ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeResponseClient =>
                new(ProxyErrorTypes.ClientAborted, 0, "the client disconnected", true),
            _ => new(ProxyErrorTypes.UpstreamUnreachable, 502, $"upstream {target} failed: {detail}", true),
        };
    }

    private static T? Find<T>(Exception? e)
        where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static string Innermost(Exception? e)
    {
        if (e is null)
        {
            return "unknown error";
        }

        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e.Message;
    }
}

using System.Net;
using System.Net.Sockets;

namespace Observer.DemoAI.Tests.Support;

/// <summary>A loopback port that nothing listens on (it was free a moment ago).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

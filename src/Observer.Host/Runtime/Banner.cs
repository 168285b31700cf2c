using System.Net;
using System.Text;

namespace Observer.Host.Runtime;

/// <summary>The start-up banner: where the observer listens and the exact lines a client needs to use it.</summary>
public static class Banner
{
    public static string Render(string version, IReadOnlyList<IPEndPoint> proxyEndpoints, string adminAddress, string caPath, string? bundlePath, string backendUrl)
    {
        var proxy = ProxyUrl(proxyEndpoints[0]);
        var ca = Path.GetFullPath(caPath);
        var bundle = bundlePath is null ? ca : Path.GetFullPath(bundlePath);
        var text = new StringBuilder();
        text.AppendLine($"Axom Observer {version}");
        text.AppendLine($"  proxy      {string.Join("  ", proxyEndpoints.Select(ProxyUrl))}");
        text.AppendLine($"  admin      {adminAddress}  (/healthz /readyz /metrics /ca.pem)");
        text.AppendLine($"  CA         {ca}");
        text.AppendLine($"  signals -> {backendUrl}");
        text.AppendLine();
        text.AppendLine("Point an application at it:");
        text.AppendLine($"  export HTTP_PROXY={proxy} HTTPS_PROXY={proxy}");
        text.AppendLine($"  curl:      curl --cacert {ca} https://api.openai.com/v1/models   (or export CURL_CA_BUNDLE={bundle})");
        text.AppendLine($"  Python:    export REQUESTS_CA_BUNDLE={bundle} SSL_CERT_FILE={bundle}");
        text.AppendLine($"  Node:      export NODE_EXTRA_CA_CERTS={ca} NODE_USE_ENV_PROXY=1   (Node < 24: undici EnvHttpProxyAgent)");
        text.AppendLine($"  .NET:      export SSL_CERT_FILE={bundle}   (HttpClient reads HTTPS_PROXY itself)");
        text.AppendLine($"  any:       cp {ca} /usr/local/share/ca-certificates/axom-observer.crt && update-ca-certificates");
        return text.ToString();
    }

    private static string ProxyUrl(IPEndPoint endpoint)
    {
        var host = endpoint.Address.Equals(IPAddress.Any) || endpoint.Address.Equals(IPAddress.IPv6Any)
            ? "127.0.0.1"
            : endpoint.Address.ToString();
        return $"http://{host}:{endpoint.Port}";
    }
}

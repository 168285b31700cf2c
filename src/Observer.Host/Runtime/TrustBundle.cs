namespace Observer.Host.Runtime;

/// <summary>
/// Writes <c>{ca dir}/bundle.pem</c>: the system's root bundle followed by the observer's CA. Clients whose trust
/// setting replaces the system roots (curl's CURL_CA_BUNDLE, Python's REQUESTS_CA_BUNDLE, OpenSSL's SSL_CERT_FILE)
/// can point at it and still reach blind-tunnelled hosts.
/// </summary>
public static class TrustBundle
{
    private static readonly string[] SystemBundles =
    [
        "/etc/ssl/certs/ca-certificates.crt",
        "/etc/pki/tls/certs/ca-bundle.crt",
        "/etc/ssl/cert.pem",
    ];

    /// <summary>Writes the bundle next to the CA certificate and returns its path, or null when no system bundle exists.</summary>
    public static string? Write(string caCertificatePath, string caPem)
    {
        var system = SystemBundles.FirstOrDefault(File.Exists);
        if (system is null)
        {
            return null;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(caCertificatePath)) ?? ".";
        var bundlePath = Path.Combine(directory, "bundle.pem");
        try
        {
            var content = File.ReadAllText(system).TrimEnd() + "\n# Axom Observer CA\n" + caPem.TrimEnd() + "\n";
            var temporary = bundlePath + ".tmp";
            File.WriteAllText(temporary, content);
            File.Move(temporary, bundlePath, overwrite: true);
            return bundlePath;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Observer.DemoAI.Tls;

/// <summary>
/// A throw-away CA and one server certificate for the real provider hostnames, so that loopback traffic to
/// <c>https://api.openai.com</c> validates against the CA written by <c>--ca-out</c> — and against nothing else.
/// </summary>
public sealed class DemoCertificates : IDisposable
{
    public static readonly IReadOnlyList<string> Hostnames =
    [
        "api.openai.com", "api.anthropic.com", "generativelanguage.googleapis.com", "api.deepgram.com", "api.elevenlabs.io", "localhost",
    ];

    private DemoCertificates(X509Certificate2 authority, X509Certificate2 server)
    {
        Authority = authority;
        Server = server;
    }

    /// <summary>The CA certificate (public part only).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The server certificate with its private key.</summary>
    public X509Certificate2 Server { get; }

    public static DemoCertificates Create()
    {
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Axom Demo AI CA, O=Axom Observer demo", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var caSki = new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false);
        caRequest.CertificateExtensions.Add(caSki);
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=api.openai.com", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var host in Hostnames)
        {
            san.AddDnsName(host);
        }

        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(caSki));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var signed = request.Create(ca, now.AddHours(-1), now.AddDays(90), serial);
        var server = signed.CopyWithPrivateKey(serverKey);

        return new DemoCertificates(X509CertificateLoader.LoadCertificate(ca.RawData), server);
    }

    /// <summary>Writes the CA certificate (never a private key) as PEM.</summary>
    public void WriteAuthorityPem(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, Authority.ExportCertificatePem() + "\n");
    }

    public void Dispose()
    {
        Authority.Dispose();
        Server.Dispose();
    }
}

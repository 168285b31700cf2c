using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Observer.Proxy.Tls;

/// <summary>
/// The observer's signing CA. Generated on first start into <c>{dataDir}/ca/ca.pem</c> + <c>ca.key</c> (mode 0600)
/// and reused afterwards, or loaded from operator-supplied PEM files. The private key never leaves this class.
/// </summary>
public sealed class CertificateAuthority : IDisposable
{
    private static readonly TimeSpan CaValidity = TimeSpan.FromDays(3653);

    private CertificateAuthority(X509Certificate2 certificate, string certificatePath)
    {
        Certificate = certificate;
        CertificatePath = certificatePath;
    }

    public string CertificatePath { get; }

    /// <summary>The CA certificate (with its private key, which is never exported).</summary>
    public X509Certificate2 Certificate { get; }

    public static CertificateAuthority LoadOrCreate(string dataDir, string? certPath, string? keyPath)
    {
        if (certPath is not null || keyPath is not null)
        {
            if (certPath is null || keyPath is null)
            {
                throw new CertificateAuthorityException("--ca-cert and --ca-key must be given together");
            }

            return new CertificateAuthority(Load(certPath, keyPath), Path.GetFullPath(certPath));
        }

        var dir = Path.Combine(dataDir, "ca");
        var pem = Path.Combine(dir, "ca.pem");
        var key = Path.Combine(dir, "ca.key");
        var pemExists = File.Exists(pem);
        var keyExists = File.Exists(key);
        if (pemExists && keyExists)
        {
            return new CertificateAuthority(Load(pem, key), Path.GetFullPath(pem));
        }

        if (pemExists != keyExists)
        {
            throw new CertificateAuthorityException($"{(pemExists ? key : pem)} is missing while {(pemExists ? pem : key)} exists; restore it or remove both to generate a new CA");
        }

        return new CertificateAuthority(Generate(dir, pem, key), Path.GetFullPath(pem));
    }

    /// <summary>The CA certificate as a PEM file's text (ending in a newline, as the file on disk does); never the key.</summary>
    public string ExportCertificatePem() => Certificate.ExportCertificatePem() + "\n";

    public void Dispose() => Certificate.Dispose();

    private static X509Certificate2 Load(string certPath, string keyPath)
    {
        if (!File.Exists(certPath))
        {
            throw new CertificateAuthorityException($"CA certificate {certPath} does not exist");
        }

        if (!File.Exists(keyPath))
        {
            throw new CertificateAuthorityException($"CA key {keyPath} does not exist");
        }

        X509Certificate2 cert;
        try
        {
            cert = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            throw new CertificateAuthorityException($"CA certificate {certPath} and key {keyPath} cannot be loaded or do not match: {e.Message}", e);
        }

        var constraints = cert.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        if (constraints is null || !constraints.CertificateAuthority)
        {
            cert.Dispose();
            throw new CertificateAuthorityException($"CA certificate {certPath} is not a CA certificate (basicConstraints CA:TRUE missing)");
        }

        return cert;
    }

    private static X509Certificate2 Generate(string dir, string pemPath, string keyPath)
    {
        try
        {
            Directory.CreateDirectory(dir);
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=Axom Observer CA, O=Axom", key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            var now = DateTimeOffset.UtcNow;
            using var cert = request.CreateSelfSigned(now.AddDays(-1), now.Add(CaValidity));

            // The key file is created with 0600 from the start: it never exists with wider permissions.
            WriteFile(keyPath, key.ExportPkcs8PrivateKeyPem(), UnixFileMode.UserRead | UnixFileMode.UserWrite);
            WriteFile(pemPath, cert.ExportCertificatePem(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            return X509Certificate2.CreateFromPemFile(pemPath, keyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CertificateAuthorityException($"cannot write the CA into {dir}: {e.Message}", e);
        }
    }

    private static void WriteFile(string path, string text, UnixFileMode mode)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
        writer.Write('\n');
    }
}

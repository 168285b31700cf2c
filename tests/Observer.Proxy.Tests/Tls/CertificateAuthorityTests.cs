using System.Security.Cryptography.X509Certificates;
using Observer.Proxy.Tls;

namespace Observer.Proxy.Tests.Tls;

public sealed class CertificateAuthorityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "axom-ca-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public void FirstStart_GeneratesCaWithPrivateKeyFile0600()
    {
        using var ca = CertificateAuthority.LoadOrCreate(_dir, null, null);

        Assert.Equal(Path.Combine(_dir, "ca", "ca.pem"), ca.CertificatePath);
        Assert.True(ca.Certificate.HasPrivateKey);
        Assert.True(ca.Certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.True(ca.Certificate.NotAfter > DateTime.UtcNow.AddYears(9));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, "ca", "ca.key")));
        }
    }

    [Fact]
    public void SecondStart_ReusesTheSameCa()
    {
        string first;
        using (var ca = CertificateAuthority.LoadOrCreate(_dir, null, null))
        {
            first = ca.Certificate.Thumbprint;
        }

        using var again = CertificateAuthority.LoadOrCreate(_dir, null, null);
        Assert.Equal(first, again.Certificate.Thumbprint);
    }

    [Fact]
    public void ExportedPem_HoldsTheCertificateOnly()
    {
        using var ca = CertificateAuthority.LoadOrCreate(_dir, null, null);
        var pem = ca.ExportCertificatePem();

        Assert.StartsWith("-----BEGIN CERTIFICATE-----", pem);
        Assert.DoesNotContain("PRIVATE", pem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", File.ReadAllText(ca.CertificatePath), StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitFiles_AreLoaded()
    {
        string pem, key;
        using (var ca = CertificateAuthority.LoadOrCreate(_dir, null, null))
        {
            pem = ca.CertificatePath;
            key = Path.Combine(_dir, "ca", "ca.key");
        }

        using var loaded = CertificateAuthority.LoadOrCreate(Path.Combine(_dir, "other"), pem, key);
        Assert.Equal(Path.GetFullPath(pem), loaded.CertificatePath);
        Assert.False(Directory.Exists(Path.Combine(_dir, "other")));
    }

    [Fact]
    public void MismatchedKey_ThrowsNamingTheFiles()
    {
        using (CertificateAuthority.LoadOrCreate(Path.Combine(_dir, "a"), null, null))
        using (CertificateAuthority.LoadOrCreate(Path.Combine(_dir, "b"), null, null))
        {
        }

        var pem = Path.Combine(_dir, "a", "ca", "ca.pem");
        var otherKey = Path.Combine(_dir, "b", "ca", "ca.key");
        var e = Assert.Throws<CertificateAuthorityException>(() => CertificateAuthority.LoadOrCreate(_dir, pem, otherKey));
        Assert.Contains(pem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingKeyBesideExistingCertificate_ThrowsNamingTheMissingFile()
    {
        using (CertificateAuthority.LoadOrCreate(_dir, null, null))
        {
        }

        File.Delete(Path.Combine(_dir, "ca", "ca.key"));
        var e = Assert.Throws<CertificateAuthorityException>(() => CertificateAuthority.LoadOrCreate(_dir, null, null));
        Assert.Contains("ca.key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableCertificateFile_Throws()
    {
        Directory.CreateDirectory(_dir);
        var pem = Path.Combine(_dir, "bad.pem");
        var key = Path.Combine(_dir, "bad.key");
        File.WriteAllText(pem, "not a certificate");
        File.WriteAllText(key, "not a key");

        var e = Assert.Throws<CertificateAuthorityException>(() => CertificateAuthority.LoadOrCreate(_dir, pem, key));
        Assert.Contains("bad.pem", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlyOneOfCertAndKey_Throws()
    {
        Assert.Throws<CertificateAuthorityException>(() => CertificateAuthority.LoadOrCreate(_dir, "/x/ca.pem", null));
    }

    [Fact]
    public void OperatorSuppliedRsa3072Ca_LoadsAndSignsLeaves()
    {
        Directory.CreateDirectory(_dir);
        using var key = System.Security.Cryptography.RSA.Create(3072);
        var request = new CertificateRequest("CN=Operator CA", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        var pem = Path.Combine(_dir, "op.pem");
        var keyPath = Path.Combine(_dir, "op.key");
        File.WriteAllText(pem, cert.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());

        using var ca = CertificateAuthority.LoadOrCreate(_dir, pem, keyPath);
        using var leaves = new LeafCertificateCache(ca.Certificate, 4);
        var leaf = leaves.Get("api.openai.com").TargetCertificate;

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(leaf));
    }
}

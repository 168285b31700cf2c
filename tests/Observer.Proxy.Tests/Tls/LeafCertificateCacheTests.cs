using System.Net;
using System.Security.Cryptography.X509Certificates;
using Observer.Proxy.Tls;

namespace Observer.Proxy.Tests.Tls;

public sealed class LeafCertificateCacheTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "axom-leaf-" + Guid.NewGuid().ToString("N"));
    private readonly CertificateAuthority _ca;

    public LeafCertificateCacheTests() => _ca = CertificateAuthority.LoadOrCreate(_dir, null, null);

    public void Dispose()
    {
        _ca.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void MintedLeaf_ChainsToTheCaWithDnsSanAndServerAuth()
    {
        using var cache = new LeafCertificateCache(_ca.Certificate, 8);
        var leaf = cache.Get("api.openai.com").TargetCertificate;

        Assert.True(Chains(leaf));
        var san = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal(["api.openai.com"], san.EnumerateDnsNames());
        Assert.Contains(leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>(), o => o.Value == "1.3.6.1.5.5.7.3.1");
        Assert.True(leaf.HasPrivateKey);
        Assert.True(leaf.NotAfter <= _ca.Certificate.NotAfter);
    }

    [Fact]
    public void IpHost_GetsAnIpSan()
    {
        using var cache = new LeafCertificateCache(_ca.Certificate, 8);
        var leaf = cache.Get("127.0.0.1").TargetCertificate;

        Assert.Equal([IPAddress.Loopback], leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateIPAddresses());
    }

    [Fact]
    public void RepeatedHost_IsServedFromTheCache()
    {
        using var cache = new LeafCertificateCache(_ca.Certificate, 8);
        var first = cache.Get("a.example.test");
        var second = cache.Get("A.example.test");

        Assert.Same(first, second);
        Assert.Equal(1, cache.Minted);
    }

    [Fact]
    public void BeyondCapacity_TheLeastRecentlyUsedHostIsEvicted()
    {
        using var cache = new LeafCertificateCache(_ca.Certificate, 2);
        var a = cache.Get("a.test");
        cache.Get("b.test");
        Assert.Same(a, cache.Get("a.test"));
        cache.Get("c.test");

        Assert.Equal(2, cache.Count);
        Assert.Same(a, cache.Get("a.test"));
        Assert.Equal(3, cache.Minted);
        cache.Get("b.test");
        Assert.Equal(4, cache.Minted);
    }

    private bool Chains(X509Certificate2 leaf)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca.Certificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}

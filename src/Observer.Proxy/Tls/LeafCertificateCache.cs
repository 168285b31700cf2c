using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Observer.Proxy.Tls;

/// <summary>
/// Mints leaf certificates signed by the observer CA, one per SNI host (or IP), and keeps them in a bounded LRU
/// so a repeated host costs a dictionary lookup. All leaves share one P-256 key: minting is then one signature.
/// </summary>
internal sealed class LeafCertificateCache : IDisposable
{
    private readonly X509Certificate2 _ca;
    private readonly int _capacity;
    private readonly ECDsa _leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Dictionary<string, LinkedListNode<Entry>> _map = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<Entry> _lru = new();
    private readonly Lock _lock = new();
    private readonly X509AuthorityKeyIdentifierExtension _authorityKeyId;
    private readonly X509SignatureGenerator _signer;

    public LeafCertificateCache(X509Certificate2 ca, int capacity)
    {
        _ca = ca;
        _capacity = Math.Max(1, capacity);
        _authorityKeyId = X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false);
        _signer = ca.GetECDsaPrivateKey() is { } ec
            ? X509SignatureGenerator.CreateForECDsa(ec)
            : X509SignatureGenerator.CreateForRSA(
                ca.GetRSAPrivateKey() ?? throw new CertificateAuthorityException("the CA certificate has no usable ECDSA or RSA private key"),
                RSASignaturePadding.Pkcs1);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    /// <summary>Number of certificates minted so far (cache misses).</summary>
    public long Minted => Interlocked.Read(ref _minted);

    private long _minted;

    public SslStreamCertificateContext Get(string host)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(host, out var node))
            {
                _lru.Remove(node);
                _lru.AddFirst(node);
                return node.Value.Context;
            }
        }

        // Minted outside the lock: two first connections to one host may both mint; one result is kept.
        var leaf = Mint(host);
        var context = SslStreamCertificateContext.Create(leaf, [_ca], offline: true);
        Interlocked.Increment(ref _minted);
        lock (_lock)
        {
            if (_map.TryGetValue(host, out var existing))
            {
                leaf.Dispose();
                return existing.Value.Context;
            }

            var node = _lru.AddFirst(new Entry(host, leaf, context));
            _map[host] = node;
            while (_map.Count > _capacity && _lru.Last is { } last)
            {
                // Evicted contexts may still serve a handshake in progress; the leaf is left to the GC.
                _lru.RemoveLast();
                _map.Remove(last.Value.Host);
            }

            return context;
        }
    }

    public void Dispose() => _leafKey.Dispose();

    internal X509Certificate2 Mint(string host)
    {
        var isIp = System.Net.IPAddress.TryParse(host, out var ip);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + (isIp ? ip!.ToString() : host.Replace(",", "", StringComparison.Ordinal))), _leafKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        if (isIp)
        {
            san.AddIpAddress(ip!);
        }
        else
        {
            san.AddDnsName(host);
        }

        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(_authorityKeyId);
        var now = DateTimeOffset.UtcNow;
        var notAfter = now.AddDays(397) < _ca.NotAfter ? now.AddDays(397) : new DateTimeOffset(_ca.NotAfter.ToUniversalTime());
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var cert = request.Create(_ca.SubjectName, _signer, now.AddDays(-1), notAfter, serial);
        return cert.CopyWithPrivateKey(_leafKey);
    }

    private sealed record Entry(string Host, X509Certificate2 Leaf, SslStreamCertificateContext Context);
}

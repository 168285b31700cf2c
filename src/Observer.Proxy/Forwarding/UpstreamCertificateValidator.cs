using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Observer.Proxy.Forwarding;

/// <summary>
/// Validates upstream server certificates against the system roots, plus the extra roots of --upstream-ca.
/// A host-name mismatch is never accepted; a chain error is re-checked with the extra roots only.
/// </summary>
internal sealed class UpstreamCertificateValidator
{
    private readonly X509Certificate2Collection _extraRoots;

    public UpstreamCertificateValidator(string? extraRootsPemPath)
    {
        _extraRoots = new X509Certificate2Collection();
        if (extraRootsPemPath is not null)
        {
            _extraRoots.ImportFromPemFile(extraRootsPemPath);
            if (_extraRoots.Count == 0)
            {
                throw new ArgumentException($"upstream CA file '{extraRootsPemPath}' holds no PEM certificate");
            }
        }
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || _extraRoots.Count == 0 || certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_extraRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(certificate as X509Certificate2 ?? new X509Certificate2(certificate));
    }
}

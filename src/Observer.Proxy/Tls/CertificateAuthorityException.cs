namespace Observer.Proxy.Tls;

/// <summary>The observer's CA files cannot be read, do not match, or cannot be written. The message names the file.</summary>
public sealed class CertificateAuthorityException : Exception
{
    public CertificateAuthorityException(string message)
        : base(message)
    {
    }

    public CertificateAuthorityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

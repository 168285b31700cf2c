using System.Security.Cryptography;
using System.Text;
using Observer.Backend.Hosting;

namespace Observer.Backend.Ingest;

/// <summary>The optional bearer-token and HMAC-signature checks of the receiving side of the contract.</summary>
public sealed class RequestAuthenticator(BackendOptions options)
{
    public const string SignatureHeader = "X-Axom-Signature";
    private const string SignaturePrefix = "sha256=";

    private readonly byte[]? _token = options.Token is null ? null : Encoding.UTF8.GetBytes(options.Token);
    private readonly byte[]? _key = options.SigningKey is null ? null : Encoding.UTF8.GetBytes(options.SigningKey);

    /// <summary>Null when the request may pass, otherwise the reason for a 401 (never containing the secret).</summary>
    public string? CheckToken(string? authorization)
    {
        if (_token is null)
        {
            return null;
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "missing bearer token";
        }

        var presented = Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _token) ? null : "invalid bearer token";
    }

    public string? CheckSignature(string? header, ReadOnlySpan<byte> body)
    {
        if (_key is null)
        {
            return null;
        }

        if (header is null || !header.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return $"missing {SignatureHeader}";
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(header.AsSpan(SignaturePrefix.Length).Trim());
        }
        catch (FormatException)
        {
            return $"{SignatureHeader} is not hex";
        }

        var expected = HMACSHA256.HashData(_key, body);
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? null : "signature does not match the body";
    }

    /// <summary>The header value a sender computes: <c>sha256={lowercase hex}</c>.</summary>
    public static string Sign(string key, ReadOnlySpan<byte> body) =>
        SignaturePrefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), body));
}

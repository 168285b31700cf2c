using System.Collections.Frozen;

namespace Observer.Contracts.Exchanges;

/// <summary>
/// Decides which header fields and query parameters carry credentials (SIGNALS.md: never persisted, never sent)
/// and replaces their values. Providers can add their own key headers through the catalog.
/// </summary>
public sealed class CredentialRedactor
{
    public const string Redacted = "[REDACTED]";

    public static readonly IReadOnlyList<string> DefaultHeaders =
    [
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
        "x-api-key", "api-key", "xi-api-key", "x-goog-api-key", "Ocp-Apim-Subscription-Key", "X-Auth-Token",
        "X-Axom-Backend-Token",
    ];

    public static readonly IReadOnlyList<string> DefaultQueryParameters = ["key", "api_key", "apikey", "token", "access_token"];

    public static CredentialRedactor Default { get; } = new([], []);

    private readonly FrozenSet<string> _headers;
    private readonly FrozenSet<string> _queryParameters;

    public CredentialRedactor(IEnumerable<string> extraHeaders, IEnumerable<string> extraQueryParameters)
    {
        _headers = DefaultHeaders.Concat(extraHeaders).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _queryParameters = DefaultQueryParameters.Concat(extraQueryParameters).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public bool IsCredentialHeader(string name) => _headers.Contains(name);

    public string RedactHeaderValue(string name, string value) => IsCredentialHeader(name) ? Redacted : value;

    /// <summary>Returns the query string (without '?') with the values of key-bearing parameters replaced.</summary>
    public string RedactQuery(string query)
    {
        if (query.Length == 0)
        {
            return query;
        }

        var trimmed = query[0] == '?' ? query[1..] : query;
        var parts = trimmed.Split('&');
        var changed = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=');
            var name = Uri.UnescapeDataString(eq < 0 ? parts[i] : parts[i][..eq]);
            if (eq >= 0 && _queryParameters.Contains(name))
            {
                parts[i] = parts[i][..(eq + 1)] + Redacted;
                changed = true;
            }
        }

        return changed ? string.Join('&', parts) : trimmed;
    }
}

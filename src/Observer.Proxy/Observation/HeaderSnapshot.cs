using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Observer.Contracts.Exchanges;

namespace Observer.Proxy.Observation;

/// <summary>Copies header fields into an immutable, redacted <see cref="HeaderList"/>.</summary>
internal static class HeaderSnapshot
{
    public static HeaderList Capture(IHeaderDictionary headers, CredentialRedactor redactor) => Capture(headers, redactor, out _);

    /// <param name="hasControlHeaders">Whether any <c>X-Axom-*</c> field was seen (so stripping can skip a scan).</param>
    public static HeaderList Capture(IHeaderDictionary headers, CredentialRedactor redactor, out bool hasControlHeaders)
    {
        hasControlHeaders = false;
        if (headers.Count == 0)
        {
            return HeaderList.Empty;
        }

        var fields = new List<KeyValuePair<string, string>>(headers.Count);
        foreach (var (name, values) in headers)
        {
            hasControlHeaders |= name.StartsWith("X-Axom-", StringComparison.OrdinalIgnoreCase);
            var redact = redactor.IsCredentialHeader(name);
            foreach (var value in values)
            {
                fields.Add(new KeyValuePair<string, string>(name, redact ? CredentialRedactor.Redacted : value ?? ""));
            }
        }

        return new HeaderList([.. fields]);
    }

    /// <summary>
    /// Removes what must not travel upstream: <c>X-Axom-*</c> control headers (already captured in the record),
    /// proxy headers and the hop-by-hop fields the client listed in <c>Connection</c>.
    /// </summary>
    public static void StripForUpstream(IHeaderDictionary headers, bool keepUpgrade, bool hasControlHeaders)
    {
        List<string>? remove = null;
        if (hasControlHeaders)
        {
            foreach (var name in headers.Keys)
            {
                if (name.StartsWith("X-Axom-", StringComparison.OrdinalIgnoreCase))
                {
                    (remove ??= []).Add(name);
                }
            }
        }

        var connection = headers.Connection;
        if (!StringValues.IsNullOrEmpty(connection))
        {
            foreach (var value in connection)
            {
                foreach (var token in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (keepUpgrade && token.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    (remove ??= []).Add(token);
                }
            }
        }

        headers.Remove("Proxy-Connection");
        headers.Remove("Proxy-Authorization");
        headers.Remove("Keep-Alive");
        if (remove is not null)
        {
            foreach (var name in remove)
            {
                headers.Remove(name);
            }
        }
    }
}

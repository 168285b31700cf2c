using System.Globalization;

namespace Observer.Providers.Catalog;

/// <summary>
/// A host pattern of the catalog, matched on label boundaries and case-insensitively:
/// <c>api.openai.com</c> (exact), <c>*.openai.azure.com</c> (a leading <c>*</c> label stands for one or more labels),
/// <c>polly.*.amazonaws.com</c> (any other <c>*</c> stands for characters inside exactly one label, so
/// <c>*-aiplatform.googleapis.com</c> works too). The port is ignored unless the pattern names one (<c>localhost:11434</c>).
/// </summary>
public sealed class HostPattern
{
    private readonly string[] _labels;
    private readonly bool _leadingAnyLabels;

    private HostPattern(string text, string[] labels, bool leadingAnyLabels, int? port)
    {
        Text = text;
        _labels = labels;
        _leadingAnyLabels = leadingAnyLabels;
        Port = port;
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>The port the pattern requires, or null when any port matches.</summary>
    public int? Port { get; }

    /// <summary>True when the pattern has no wildcard (it can be looked up in a dictionary).</summary>
    public bool IsExact => !_leadingAnyLabels && !_labels.Any(l => l.Contains('*', StringComparison.Ordinal));

    /// <summary>The host part, lower case, without port (the dictionary key of an exact pattern).</summary>
    public string HostText => string.Join('.', _leadingAnyLabels ? _labels.Prepend("*") : _labels);

    public static HostPattern Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        int? port = null;
        var colon = value.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                throw new FormatException($"host pattern '{text}' has an invalid port");
            }

            port = p;
            value = value[..colon];
        }

        value = value.TrimEnd('.');
        if (value.Length == 0)
        {
            throw new FormatException($"host pattern '{text}' is empty");
        }

        var labels = value.Split('.');
        if (labels.Any(l => l.Length == 0))
        {
            throw new FormatException($"host pattern '{text}' has an empty label");
        }

        var leading = labels.Length > 1 && labels[0] == "*";
        if (leading)
        {
            labels = labels[1..];
        }

        if (labels.Any(l => l.Contains("**", StringComparison.Ordinal)))
        {
            throw new FormatException($"host pattern '{text}' uses '**'; use a leading '*.' for several labels");
        }

        return new HostPattern(text, labels, leading, port);
    }

    public bool Matches(string host, int port)
    {
        if (Port is { } required && required != port)
        {
            return false;
        }

        var rest = host.AsSpan().TrimEnd('.');
        for (var i = _labels.Length - 1; i >= 0; i--)
        {
            var dot = rest.LastIndexOf('.');
            var label = dot < 0 ? rest : rest[(dot + 1)..];
            if (label.Length == 0 || !GlobLabel(_labels[i], label))
            {
                return false;
            }

            if (dot < 0)
            {
                return i == 0 && !_leadingAnyLabels;
            }

            rest = rest[..dot];
        }

        // Labels are left over: only a leading "*." accepts them, and none of them may be empty.
        return _leadingAnyLabels && rest.Length > 0 && !rest.StartsWith(".") && !rest.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>Matches one label against a label pattern where '*' stands for any characters (none included).</summary>
    internal static bool GlobLabel(ReadOnlySpan<char> pattern, ReadOnlySpan<char> label)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return label.Equals(pattern, StringComparison.OrdinalIgnoreCase);
        }

        var head = pattern[..star];
        if (!label.StartsWith(head, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var tail = pattern[(star + 1)..];
        var remaining = label[head.Length..];
        for (var skip = 0; skip <= remaining.Length; skip++)
        {
            if (GlobLabel(tail, remaining[skip..]))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Text;
}

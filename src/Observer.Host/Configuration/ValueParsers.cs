using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Observer.Host.Configuration;

/// <summary>Parses raw setting text; each returns an error reason or null.</summary>
public static partial class ValueParsers
{
    public static string? Port(string text, bool allowZero, out int port)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535 && (allowZero || port > 0))
        {
            return null;
        }

        return $"'{text}' is not a port number ({(allowZero ? 0 : 1)}-65535)";
    }

    public static string? PositiveInt(string text, out int value)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0)
        {
            return null;
        }

        return $"'{text}' is not a positive whole number";
    }

    public static string? HttpUrl(string text, out string url)
    {
        url = text;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0)
        {
            return null;
        }

        return $"'{text}' is not an absolute http:// or https:// URL";
    }

    public static string? IpAddress(string text, out string address)
    {
        address = text;
        return IPAddress.TryParse(text, out _) ? null : $"'{text}' is not an IP address (use 0.0.0.0 to listen on all interfaces)";
    }

    public static string? Bool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on" or "":
                value = true;
                return null;
            case "false" or "0" or "no" or "off":
                value = false;
                return null;
            default:
                value = false;
                return $"'{text}' is not true or false";
        }
    }

    public static string? LogLevel(string text, out LogLevelSetting level)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "debug": level = LogLevelSetting.Debug; return null;
            case "info": level = LogLevelSetting.Info; return null;
            case "warn" or "warning": level = LogLevelSetting.Warn; return null;
            case "error": level = LogLevelSetting.Error; return null;
            default:
                level = LogLevelSetting.Info;
                return $"'{text}' is not a log level (debug, info, warn, error)";
        }
    }

    /// <summary>Durations as <c>500ms</c>, <c>30s</c>, <c>10m</c>, <c>1h</c>, or <c>hh:mm:ss</c>; must be positive.</summary>
    public static string? Duration(string text, out TimeSpan value)
    {
        var match = DurationPattern().Match(text.Trim());
        if (match.Success)
        {
            var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            value = match.Groups[2].Value.ToLowerInvariant() switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" or "" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }
        else if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value))
        {
            return $"'{text}' is not a duration (e.g. 500ms, 30s, 10m, 1h)";
        }

        return value > TimeSpan.Zero ? null : $"'{text}' must be longer than zero";
    }

    /// <summary>Sizes as bytes or with a unit: <c>512KiB</c>, <c>100MB</c>, <c>1GiB</c>.</summary>
    public static string? Size(string text, out long bytes)
    {
        bytes = 0;
        var match = SizePattern().Match(text.Trim());
        if (!match.Success)
        {
            return $"'{text}' is not a size (e.g. 1048576, 512KiB, 100MiB, 1GiB)";
        }

        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var factor = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "" or "b" => 1L,
            "k" or "kb" or "kib" => 1L << 10,
            "m" or "mb" or "mib" => 1L << 20,
            _ => 1L << 30,
        };
        bytes = (long)(amount * factor);
        return bytes > 0 ? null : $"'{text}' must be larger than zero";
    }

    public static string? ReadableFile(string text)
    {
        try
        {
            using var stream = File.OpenRead(text);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot read file '{text}': {ex.Message}";
        }
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(ms|s|m|h|)$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|)$", RegexOptions.IgnoreCase)]
    private static partial Regex SizePattern();
}

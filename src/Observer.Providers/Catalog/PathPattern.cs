namespace Observer.Providers.Catalog;

/// <summary>
/// A request path pattern: segments separated by '/', matched case-insensitively. In a segment, <c>*</c> stands
/// for any characters but '/', and <c>{model}</c> does too while capturing them as the model (Azure deployments,
/// Gemini <c>models/{model}:generateContent</c>, Bedrock <c>/model/{model}/converse</c>). A whole segment <c>**</c>
/// stands for any number of segments. A trailing '/' on the request path is ignored.
/// </summary>
public sealed class PathPattern
{
    private const string ModelCapture = "{model}";
    private readonly string[] _segments;

    private PathPattern(string text, string[] segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    public static PathPattern Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (!value.StartsWith('/'))
        {
            throw new FormatException($"path pattern '{text}' must start with '/'");
        }

        var segments = value.Trim('/').Split('/');
        foreach (var segment in segments)
        {
            if (segment.Contains("**", StringComparison.Ordinal) && segment != "**")
            {
                throw new FormatException($"path pattern '{text}': '**' must be a whole segment");
            }

            var brace = segment.IndexOf('{', StringComparison.Ordinal);
            if (brace >= 0 && !segment.Contains(ModelCapture, StringComparison.Ordinal))
            {
                throw new FormatException($"path pattern '{text}': the only capture is {ModelCapture}");
            }
        }

        return new PathPattern(value, segments);
    }

    /// <summary>Matches a path (without query string); <paramref name="model"/> receives the <c>{model}</c> capture.</summary>
    public bool Matches(string path, out string? model)
    {
        model = null;
        var span = path.AsSpan();
        var query = span.IndexOfAny('?', '#');
        if (query >= 0)
        {
            span = span[..query];
        }

        span = span.Trim('/');
        var captured = default(Range?);
        if (!MatchFrom(0, span, 0, ref captured))
        {
            return false;
        }

        if (captured is { } range)
        {
            model = Uri.UnescapeDataString(path.AsSpan().TrimStart('/')[range].ToString());
        }

        return true;
    }

    private bool MatchFrom(int segmentIndex, ReadOnlySpan<char> rest, int offset, ref Range? captured)
    {
        if (segmentIndex == _segments.Length)
        {
            return rest.Length == 0;
        }

        var pattern = _segments[segmentIndex];
        if (pattern == "**")
        {
            if (MatchFrom(segmentIndex + 1, rest, offset, ref captured))
            {
                return true;
            }

            var at = 0;
            while (at < rest.Length)
            {
                var slash = rest[at..].IndexOf('/');
                if (slash < 0)
                {
                    return MatchFrom(segmentIndex + 1, [], offset + rest.Length, ref captured);
                }

                at += slash + 1;
                if (MatchFrom(segmentIndex + 1, rest[at..], offset + at, ref captured))
                {
                    return true;
                }
            }

            return false;
        }

        if (rest.Length == 0 && pattern.Length > 0)
        {
            return false;
        }

        var end = rest.IndexOf('/');
        var segment = end < 0 ? rest : rest[..end];
        var next = end < 0 ? [] : rest[(end + 1)..];
        if (!MatchSegment(pattern, segment, offset, ref captured))
        {
            return false;
        }

        return MatchFrom(segmentIndex + 1, next, offset + (end < 0 ? rest.Length : end + 1), ref captured);
    }

    private static bool MatchSegment(string pattern, ReadOnlySpan<char> segment, int offset, ref Range? captured)
    {
        var capture = pattern.IndexOf(ModelCapture, StringComparison.Ordinal);
        if (capture < 0)
        {
            return HostPattern.GlobLabel(pattern, segment);
        }

        var head = pattern.AsSpan(0, capture);
        var tail = pattern.AsSpan(capture + ModelCapture.Length);
        if (!segment.StartsWith(head, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // The capture is the shortest run that lets the tail match ("{model}:generateContent").
        for (var length = 1; head.Length + length <= segment.Length; length++)
        {
            if (HostPattern.GlobLabel(tail, segment[(head.Length + length)..]))
            {
                captured = new Range(offset + head.Length, offset + head.Length + length);
                return true;
            }
        }

        return false;
    }

    public override string ToString() => Text;
}

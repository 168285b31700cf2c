using System.Globalization;

namespace Observer.Providers.Parsers;

/// <summary>Characters as TTS providers bill them: user-perceived characters (text elements), not UTF-16 units.</summary>
internal readonly struct StringInfoLength(string text)
{
    public long Value { get; } = new StringInfo(text).LengthInTextElements;
}

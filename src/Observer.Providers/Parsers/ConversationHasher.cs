namespace Observer.Providers.Parsers;

/// <summary>
/// Chained FNV-1a 64-bit hashes over normalised messages: <c>h[0] = H(seed, m0)</c>, <c>h[i] = H(h[i-1], m_i)</c>.
/// A message is normalised as role, '\n', its text parts joined by '\n', then '\n#' + each tool call id (ids after
/// all text, whatever the block order, since providers and clients may order blocks differently); every message ends
/// with a record separator so "ab"+"c" and "a"+"bc" differ. Hashing chars directly avoids building strings.
/// </summary>
internal sealed class ConversationHasher
{
    public const int MaxPrefixes = 64;
    private const ulong Seed = 0x9E3779B97F4A7C15UL ^ 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private readonly Queue<ulong> _prefixes = new();
    private readonly List<string> _toolIds = [];
    private ulong _current = Seed;
    private ulong _message;
    private bool _inMessage;
    private bool _hasText;

    public int MessageCount { get; private set; }

    /// <summary>The chain after the last completed message.</summary>
    public ulong Current => _current;

    public IReadOnlyList<ulong> Prefixes => [.. _prefixes];

    public void BeginMessage(string role)
    {
        _message = _current;
        _toolIds.Clear();
        _inMessage = true;
        _hasText = false;
        Mix(role);
        Mix('\n');
    }

    public void AddText(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_hasText)
        {
            Mix('\n');
        }

        _hasText = true;
        Mix(text);
    }

    public void AddToolId(string id) => _toolIds.Add(id);

    public void EndMessage()
    {
        if (!_inMessage)
        {
            return;
        }

        foreach (var id in _toolIds)
        {
            Mix('\n');
            Mix('#');
            Mix(id);
        }

        _toolIds.Clear();
        Mix('\u001e');
        _current = _message;
        _inMessage = false;
        MessageCount++;
        _prefixes.Enqueue(_current);
        if (_prefixes.Count > MaxPrefixes)
        {
            _prefixes.Dequeue();
        }
    }

    /// <summary>The hash the chain would have after one more message, without changing the chain.</summary>
    public ulong Peek(string role, ReadOnlySpan<char> text, IReadOnlyList<string> toolIds)
    {
        var saved = (_current, _message, _inMessage, _hasText, MessageCount);
        var prefixes = _prefixes.ToArray();
        BeginMessage(role);
        AddText(text);
        foreach (var id in toolIds)
        {
            AddToolId(id);
        }

        EndMessage();
        var result = _current;
        (_current, _message, _inMessage, _hasText, MessageCount) = saved;
        _prefixes.Clear();
        foreach (var p in prefixes)
        {
            _prefixes.Enqueue(p);
        }

        return result;
    }

    private void Mix(ReadOnlySpan<char> text)
    {
        var h = _message;
        foreach (var c in text)
        {
            h = (h ^ (byte)c) * Prime;
            h = (h ^ (byte)(c >> 8)) * Prime;
        }

        _message = h;
    }

    private void Mix(char c) => Mix([c]);
}

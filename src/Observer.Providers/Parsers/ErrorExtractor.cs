using System.Globalization;
using System.Text.Json;
using Observer.Contracts.Signals;

namespace Observer.Providers.Parsers;

/// <summary>
/// Reads a provider's error body into <c>{type, message}</c>, whatever the provider's shape: OpenAI
/// <c>{error:{type,message,code}}</c>, Anthropic <c>{type:"error",error:{type,message}}</c>, Google
/// <c>{error:{status,message}}</c>, Deepgram <c>{err_code,err_msg}</c>, ElevenLabs <c>{detail:{status,message}}</c>,
/// Twilio <c>{code,message}</c>, and plain <c>{message}</c> / <c>{error:"..."}</c>.
/// </summary>
internal static class ErrorExtractor
{
    public const int MaxMessageChars = 500;

    public static SignalError? FromBody(ReadOnlyMemory<byte> body, int status)
    {
        using var document = JsonRead.TryParse(body);
        if (document is null)
        {
            return status >= 400 ? new SignalError(HttpType(status), null) : null;
        }

        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
        {
            root = root[0];
        }

        return FromElement(root, status) ?? (status >= 400 ? new SignalError(HttpType(status), null) : null);
    }

    public static SignalError? FromElement(JsonElement root, int status)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (root.TryGetObject("error", out var error))
        {
            // Words before numbers: OpenAI has type (or only code: Azure), Google has status plus a numeric code.
            var type = Word(error, "type") ?? Word(error, "code") ?? Word(error, "status") ?? error.Str("code") ?? HttpType(status);
            return new SignalError(type, Cut(error.Str("message")));
        }

        if (root.TryGet("error", out var text) && text.ValueKind == JsonValueKind.String)
        {
            // Daily: {"error":"invalid-request-error","info":"..."}; AssemblyAI and others: {"error":"message"}.
            return root.Str("info") is { } info
                ? new SignalError(text.GetString()!, Cut(info))
                : new SignalError(root.Str("error_type") ?? root.Str("type") ?? HttpType(status), Cut(text.GetString()));
        }

        if (root.Str("err_code") is { } errCode)
        {
            return new SignalError(errCode, Cut(root.Str("err_msg")));
        }

        if (root.TryGetObject("detail", out var detail))
        {
            return new SignalError(detail.Str("status") ?? detail.Str("type") ?? HttpType(status), Cut(detail.Str("message")));
        }

        if (status < 400)
        {
            return null;
        }

        if (root.TryGet("detail", out var detailText) && detailText.ValueKind == JsonValueKind.String)
        {
            return new SignalError(HttpType(status), Cut(detailText.GetString()));
        }

        var code = root.Str("code") ?? root.Str("error_code") ?? root.Str("type");
        return new SignalError(code ?? HttpType(status), Cut(root.Str("message") ?? root.Str("error_message")));
    }

    private static string? Word(JsonElement element, string name) =>
        element.TryGet(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } word ? word : null;

    public static string HttpType(int status) => status == 0 ? "no_response" : "http_" + status.ToString(CultureInfo.InvariantCulture);

    public static string? Cut(string? message) =>
        message is null ? null : message.Length <= MaxMessageChars ? message : message[..MaxMessageChars];
}

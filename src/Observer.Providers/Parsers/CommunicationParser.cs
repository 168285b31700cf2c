using System.Globalization;
using System.Text.Json;

namespace Observer.Providers.Parsers;

/// <summary>
/// Twilio, Plivo and Vonage calls and messages. The resource's status word becomes <c>finish_reason</c> (the
/// provider's own word: <c>queued</c>, <c>completed</c>, <c>delivered</c>…), a call's duration becomes
/// <c>audio_seconds</c>, and the price the provider states on the resource becomes the cost.
/// </summary>
internal sealed class CommunicationParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call)
    {
    }

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is null || input.Exchange.Status >= 400)
        {
            return;
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (root.TryGetArray("messages", out var smsMessages) && smsMessages.GetArrayLength() > 0)
        {
            // Vonage SMS API: status "0" is success; message-price per part.
            var first = smsMessages[0];
            call.FinishReason = first.Str("status") == "0" ? "accepted" : first.Str("error-text") ?? first.Str("status");
            call.ReportedCostUsd = smsMessages.EnumerateArray().Select(m => Price(m.Str("message-price"))).Aggregate((decimal?)null, (a, b) => b is null ? a : (a ?? 0) + b);
            return;
        }

        var status = root.Str("status") ?? root.Str("call_status") ?? root.Str("call_state") ?? root.Str("message_state") ?? root.Str("message");
        call.FinishReason = status?.ToLowerInvariant();
        if ((root.Double("duration") ?? root.Double("call_duration")) is { } seconds)
        {
            call.AudioSeconds = seconds;
            call.UsageReported = true;
        }

        var unit = root.Str("price_unit");
        if (unit is null || unit.Equals("USD", StringComparison.OrdinalIgnoreCase))
        {
            call.ReportedCostUsd = Price(root.Str("price")) ?? Price(root.Str("total_amount"));
        }
    }

    private static decimal? Price(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? Math.Abs(value) : null;
}

/// <summary>Daily and 100ms room management: the call is reported with its status and errors; rooms carry no usage.</summary>
internal sealed class RoomsParser : WireParser
{
    public override void ParseRequest(ParseInput input, ParsedCall call)
    {
    }

    public override void ParseResponse(ParseInput input, ParsedCall call)
    {
        using var document = JsonRead.TryParse(input.ResponseBody);
        if (document is null || input.Exchange.Status >= 400 || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var root = document.RootElement;
        call.FinishReason = root.Bool("deleted") == true ? "deleted" : root.Bool("enabled") == false ? "disabled" : (root.Str("name") ?? root.Str("id")) is null ? null : "created";
    }
}

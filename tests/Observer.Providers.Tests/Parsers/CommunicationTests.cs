using Observer.Contracts.Signals;
using Observer.Providers.Tests.Support;

namespace Observer.Providers.Tests.Parsers;

public sealed class CommunicationTests
{
    [Fact]
    public void TwilioCallCreate_IsCallWithQueuedStatus()
    {
        var s = Detector.DetectCapture("twilio/call_create.http").Signal;

        Assert.Equal("twilio", s.Provider);
        Assert.Equal("communication", s.Category);
        Assert.Equal("call", s.Operation);
        Assert.Equal("queued", s.FinishReason);
        Assert.Null(s.CostUsd);
    }

    [Fact]
    public void TwilioCallFetch_ReadsDurationAndPrice()
    {
        var s = Detector.DetectCapture("twilio/call_fetch.http").Signal;

        Assert.Equal("completed", s.FinishReason);
        Assert.Equal(15, s.Usage.AudioSeconds);
        Assert.Equal(0.03m, s.CostUsd);
    }

    [Fact]
    public void TwilioMessage_IsMessage()
    {
        var s = Detector.DetectCapture("twilio/message.http").Signal;

        Assert.Equal("message", s.Operation);
        Assert.Equal("queued", s.FinishReason);
    }

    [Fact]
    public void TwilioError_ReadsCodeAndMessage()
    {
        var s = Detector.DetectCapture("twilio/error_400.http").Signal;

        Assert.Equal("21211", s.Error!.Type);
        Assert.Equal("The 'To' number abc is not a valid phone number.", s.Error.Message);
    }

    [Fact]
    public void Plivo_CallAndMessage()
    {
        var call = Detector.DetectCapture("plivo/call.http").Signal;
        var message = Detector.DetectCapture("plivo/message.http").Signal;

        Assert.Equal(("call", "call fired"), (call.Operation, call.FinishReason));
        Assert.Equal(("message", "message(s) queued"), (message.Operation, message.FinishReason));
    }

    [Fact]
    public void Vonage_CallAndSms()
    {
        var call = Detector.DetectCapture("vonage/call.http").Signal;
        var sms = Detector.DetectCapture("vonage/sms.http").Signal;

        Assert.Equal(("vonage", "call", "started"), (call.Provider, call.Operation, call.FinishReason));
        Assert.Equal(("message", "accepted"), (sms.Operation, sms.FinishReason));
        Assert.Equal(0.0333m, sms.CostUsd);
    }

    [Fact]
    public void DailyAndHundredMs_Rooms()
    {
        var daily = Detector.DetectCapture("daily/room.http").Signal;
        var hms = Detector.DetectCapture("100ms/room.http").Signal;
        var error = Detector.DetectCapture("daily/error.http").Signal;

        Assert.Equal(("daily", "room", "created"), (daily.Provider, daily.Operation, daily.FinishReason));
        Assert.Equal(("100ms", "room", "created"), (hms.Provider, hms.Operation, hms.FinishReason));
        Assert.Equal(new SignalError("invalid-request-error", "name must only contain letters, numbers, - and _"), error.Error);
    }
}
